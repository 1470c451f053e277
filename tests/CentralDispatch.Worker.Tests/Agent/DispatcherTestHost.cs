using System.Net.Http.Headers;
using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>
/// A real dispatcher on Kestrel (127.0.0.1, free port) over SQLite in a temp folder, with an admin and its API token
/// (adapted from the dispatcher's tests). It can be stopped and started again on the same address and store.
/// </summary>
public sealed class DispatcherTestHost : IAsyncDisposable
{
    private readonly DirectoryInfo _data;
    private readonly Action<QueueOptions>? _queue;
    private WebApplication? _app;

    private DispatcherTestHost(DirectoryInfo data, FakeTimeProvider? time, Action<QueueOptions>? queue)
    {
        _data = data;
        Time = time;
        _queue = queue;
    }

    public Uri BaseAddress { get; private set; } = null!;
    public string AdminToken { get; private set; } = null!;

    /// <summary>The dispatcher's clock when started with fakeTime: leases and the reaper follow it.</summary>
    public FakeTimeProvider? Time { get; }

    public WebApplication App => _app ?? throw new InvalidOperationException("The dispatcher is stopped.");

    public static async Task<DispatcherTestHost> StartAsync(bool fakeTime = false, Action<QueueOptions>? queue = null)
    {
        var data = Directory.CreateTempSubdirectory("cd-agent-dispatcher-");
        var host = new DispatcherTestHost(data, fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null, queue);
        var addresses = await host.StartAppAsync("http://127.0.0.1:0");
        host.BaseAddress = new Uri(addresses[0]);
        await using var scope = host.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var email = $"{Guid.NewGuid():N}@admins.example.com";
        await accounts.CreateAsync(email, "a-long-enough-password", CancellationToken.None);
        host.AdminToken = await accounts.IssueTokenAsync(email, "tests", CancellationToken.None);
        return host;
    }

    /// <summary>Stops listening; the store stays, so <see cref="StartAgainAsync"/> brings back the same dispatcher.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Task StartAgainAsync() => StartAppAsync(BaseAddress.GetLeftPart(UriPartial.Authority));

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Admin() => Client(AdminToken);

    /// <summary>Runs one lease-reaper sweep now.</summary>
    public async Task<ReaperSweep> SweepAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LeaseReaper>().SweepAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS eventually.
        }
    }

    private async Task<IReadOnlyList<string>> StartAppAsync(string urls)
    {
        var app = DispatcherApp.Build(new DispatcherSettings(_data.FullName, null, urls), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            if (Time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            }

            if (_queue is not null)
            {
                builder.Services.Configure(_queue);
            }
        });
        var addresses = await DispatcherApp.StartAsync(app, CancellationToken.None);
        _app = app;
        return addresses;
    }
}
