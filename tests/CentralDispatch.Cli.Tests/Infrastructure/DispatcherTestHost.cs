using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>
/// A real dispatcher on Kestrel (127.0.0.1, free port) over a real SQLite store, with an admin and its API token, started
/// in the test process (modelled on the dispatcher tests' host, not shared with them) so `dispatch` processes can talk to it.
/// </summary>
public sealed class DispatcherTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private DispatcherTestHost(WebApplication app, DirectoryInfo data, Uri baseAddress, string adminToken)
    {
        _app = app;
        _data = data;
        BaseAddress = baseAddress;
        AdminToken = adminToken;
    }

    public Uri BaseAddress { get; }

    /// <summary>The URL as an operator types it (no trailing slash).</summary>
    public string Url => BaseAddress.ToString().TrimEnd('/');

    public string AdminToken { get; }

    public static async Task<DispatcherTestHost> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("cd-cli-dispatcher-");
        var app = DispatcherApp.Build(new DispatcherSettings(data.FullName, null, "http://127.0.0.1:0"), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        });
        var addresses = await DispatcherApp.StartAsync(app, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var email = $"{Guid.NewGuid():N}@admins.example.com";
        await accounts.CreateAsync(email, "a-long-enough-password", CancellationToken.None);
        var token = await accounts.IssueTokenAsync(email, "cli-tests", CancellationToken.None);
        return new DispatcherTestHost(app, data, new Uri(addresses[0]), token);
    }

    /// <summary>An HTTP client to the dispatcher with a bearer token: the admin's unless another is given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? AdminToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
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
