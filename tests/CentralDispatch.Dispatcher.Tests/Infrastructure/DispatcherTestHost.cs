using System.Net.Http.Headers;
using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Testing.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Dispatcher.Tests.Infrastructure;

/// <summary>A real dispatcher on Kestrel (127.0.0.1, free port) over a real store, with an admin and its API token.</summary>
public sealed class DispatcherTestHost : IAsyncDisposable
{
    private readonly DirectoryInfo _data;

    public const string AdminPassword = "a-long-enough-password";

    private DispatcherTestHost(WebApplication app, DirectoryInfo data, Uri baseAddress, string adminEmail, string adminToken, FakeTimeProvider? time)
    {
        App = app;
        _data = data;
        BaseAddress = baseAddress;
        AdminEmail = adminEmail;
        AdminToken = adminToken;
        Time = time;
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public string AdminEmail { get; }
    public string AdminToken { get; }
    public FakeTimeProvider? Time { get; }

    /// <param name="postgres">A PostgreSQL connection string; null runs on SQLite in a temp folder.</param>
    /// <param name="fakeTime">Drive the dispatcher's clock from the test (leases, reaper).</param>
    /// <param name="dataFolder">The data folder (removed on dispose); null makes a fresh temp folder.</param>
    /// <param name="urls">Where to listen; https:// needs a Transport:CertificateFile in <paramref name="configuration"/>.</param>
    /// <param name="configuration">Settings as `dispatch serve`'s flags give them (e.g. "Transport:KnownProxies:0").</param>
    public static async Task<DispatcherTestHost> StartAsync(string? postgres = null, bool fakeTime = false, Action<QueueOptions>? queue = null,
        string? dataFolder = null, string urls = "http://127.0.0.1:0", IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var data = dataFolder is null ? Directory.CreateTempSubdirectory("cd-dispatcher-") : new DirectoryInfo(dataFolder);
        if (postgres is not null && configuration?.ContainsKey("DataProtection:CertificateFile") != true)
        {
            // On PostgreSQL the key ring must be encrypted with a certificate kept outside the database.
            data.Create();
            configuration = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>()).Concat(KeyRingCertificates.WritePem(data.FullName))
                .ToDictionary(StringComparer.OrdinalIgnoreCase);
        }

        var time = fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        var app = DispatcherApp.Build(new DispatcherSettings(data.FullName, postgres, urls, Configuration: configuration), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            if (time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            }

            if (queue is not null)
            {
                builder.Services.Configure(queue);
            }
        });
        var addresses = await DispatcherApp.StartAsync(app, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var email = $"{Guid.NewGuid():N}@admins.example.com";
        await accounts.CreateAsync(email, AdminPassword, CancellationToken.None);
        var token = await accounts.IssueTokenAsync(email, "tests", CancellationToken.None);
        return new DispatcherTestHost(app, data, new Uri(addresses[0]), email, token, time);
    }

    /// <summary>An HTTP client to the dispatcher, with a bearer token when one is given.</summary>
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
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS eventually.
        }
    }
}
