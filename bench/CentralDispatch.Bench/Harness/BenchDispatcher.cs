using System.Net.Http.Headers;
using System.Net.Http.Json;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Testing.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.Harness;

/// <summary>
/// A real dispatcher on Kestrel (127.0.0.1, free port) with its store in a temp folder (SQLite, or the given PostgreSQL
/// database), and an admin with an API token. Disposing stops it and deletes the folder.
/// </summary>
public sealed class BenchDispatcher : IAsyncDisposable
{
    private readonly DirectoryInfo _data;
    private readonly WebApplication _app;

    private BenchDispatcher(DirectoryInfo data, WebApplication app, Uri address, string adminToken)
    {
        _data = data;
        _app = app;
        Address = address;
        Admin = Client(adminToken);
    }

    public Uri Address { get; }

    /// <summary>The admin's API client.</summary>
    public HttpClient Admin { get; }

    public static async Task<BenchDispatcher> StartAsync(string? postgres, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("cd-bench-dispatcher-");
        // On PostgreSQL the key ring is encrypted with a certificate kept outside the database.
        var keyRing = postgres is null ? null : KeyRingCertificates.WritePem(data.FullName);
        var app = DispatcherApp.Build(new DispatcherSettings(data.FullName, postgres, "http://127.0.0.1:0", Configuration: keyRing), b => b.Logging.ClearProviders());
        try
        {
            var address = new Uri((await DispatcherApp.StartAsync(app, cancellationToken))[0]);
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
            await accounts.CreateAsync("bench@example.com", "benchmark-password", cancellationToken);
            var token = await accounts.IssueTokenAsync("bench@example.com", "bench", cancellationToken);
            return new BenchDispatcher(data, app, address, token);
        }
        catch
        {
            await app.DisposeAsync();
            data.Delete(recursive: true);
            throw;
        }
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers a worker; returns its enrolment token.</summary>
    public async Task<string> RegisterWorkerAsync(string name, int capacity, CancellationToken cancellationToken)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/workers",
            new RegisterWorkerRequest(name, $"https://{name}.bench.example", Capacity: capacity), CoreJson.Options, cancellationToken);
        await response.EnsureSuccessWithBodyAsync(cancellationToken);
        return (await response.Content.ReadFromJsonAsync<WorkerEnrolmentResponse>(CoreJson.Options, cancellationToken))!.Token;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold its file a moment longer; the folder is in the system temp folder.
        }
    }
}
