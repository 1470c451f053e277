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

namespace CentralDispatch.Testing.Hosting;

/// <summary>
/// A real dispatcher in the test process: Kestrel on 127.0.0.1 (a free port), a real store (SQLite in a temp folder or
/// PostgreSQL), an administrator with <see cref="AdminPassword"/> and an API token. The one way tests and the bench start
/// a dispatcher; what differs between them is in <see cref="DispatcherTestHostOptions"/>. It can be stopped and started
/// again on the same address and store. Disposing stops it and removes its data folder.
/// </summary>
public sealed class DispatcherTestHost : IAsyncDisposable
{
    public const string AdminPassword = "a-long-enough-password";

    private readonly DirectoryInfo _data;
    private readonly DispatcherTestHostOptions _options;
    private readonly IReadOnlyDictionary<string, string?>? _configuration;
    private readonly string _urls;
    private WebApplication? _app;

    private DispatcherTestHost(DirectoryInfo data, DispatcherTestHostOptions options)
    {
        _data = data;
        _options = options;
        Time = options.FakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        var configuration = new Dictionary<string, string?>(options.Configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        if (options.Postgres is not null && !configuration.ContainsKey("DataProtection:CertificateFile"))
        {
            data.Create();
            // On PostgreSQL the key ring must be encrypted with a certificate kept outside the database.
            configuration = configuration.Concat(KeyRingCertificates.WritePem(data.FullName)).ToDictionary(StringComparer.OrdinalIgnoreCase);
        }

        _urls = "http://127.0.0.1:0";
        if (options.HttpsHostname is { } hostname)
        {
            data.Create();
            var (certificate, key) = TestCertificates.ForHosts(hostname).WriteFiles(data.FullName, "dispatcher-tls");
            configuration["Transport:CertificateFile"] = certificate;
            configuration["Transport:CertificateKeyFile"] = key;
            _urls = "https://127.0.0.1:0";
        }

        _configuration = configuration.Count == 0 ? null : configuration;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The URL as an operator types it (no trailing slash).</summary>
    public string Url => BaseAddress.ToString().TrimEnd('/');

    public string AdminEmail { get; } = $"{Guid.NewGuid():N}@admins.example.com";

    public string AdminToken { get; private set; } = null!;

    /// <summary>The dispatcher's clock when started with <see cref="DispatcherTestHostOptions.FakeTime"/>; otherwise null (the system clock).</summary>
    public FakeTimeProvider? Time { get; }

    public WebApplication App => _app ?? throw new InvalidOperationException("The dispatcher is stopped.");

    public static async Task<DispatcherTestHost> StartAsync(DispatcherTestHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DispatcherTestHostOptions();
        // A given data folder is left for the dispatcher to create, with the modes it gives a new one.
        var data = options.DataFolder is null ? Directory.CreateTempSubdirectory("cd-dispatcher-") : new DirectoryInfo(options.DataFolder);
        var host = new DispatcherTestHost(data, options);
        try
        {
            var addresses = await host.StartAppAsync(host._urls, cancellationToken);
            host.BaseAddress = new Uri(host._options.HttpsHostname is { } name ? $"https://{name}:{new Uri(addresses[0]).Port}/" : addresses[0]);
            await using var scope = host.App.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
            await accounts.CreateAsync(host.AdminEmail, AdminPassword, cancellationToken);
            host.AdminToken = await accounts.IssueTokenAsync(host.AdminEmail, "tests", cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
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

    /// <summary>Starts the stopped dispatcher again on its address, over its store.</summary>
    public Task StartAgainAsync() => StartAppAsync($"{BaseAddress.Scheme}://127.0.0.1:{BaseAddress.Port}", CancellationToken.None);

    /// <summary>
    /// An HTTP client to the dispatcher, with a bearer token when one is given. Over HTTPS it is an
    /// <see cref="HttpsTestClient"/> (trusts only the test CA, keeps no cookies, follows no redirects).
    /// </summary>
    public HttpClient Client(string? token = null)
    {
        var client = _options.HttpsHostname is { } hostname
            ? HttpsTestClient.Create(hostname, BaseAddress.Port)
            : new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>An HTTP client with the administrator's API token.</summary>
    public HttpClient Admin() => Client(AdminToken);

    /// <summary>Runs <paramref name="call"/> on a dispatcher service in its own scope (to set up or check the store).</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var scope = App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs one lease-reaper sweep now.</summary>
    public Task<ReaperSweep> SweepAsync() => WithServiceAsync<LeaseReaper, ReaperSweep>(r => r.SweepAsync(CancellationToken.None));

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

    private async Task<IReadOnlyList<string>> StartAppAsync(string urls, CancellationToken cancellationToken)
    {
        var app = DispatcherApp.Build(new DispatcherSettings(_data.FullName, _options.Postgres, urls, Configuration: _configuration), builder =>
        {
            builder.Logging.ClearProviders();
            if (_options.LogLevel != LogLevel.None)
            {
                builder.Logging.AddSimpleConsole().SetMinimumLevel(_options.LogLevel);
            }

            if (Time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            }

            if (_options.Queue is not null)
            {
                builder.Services.Configure(_options.Queue);
            }
        });
        try
        {
            var addresses = await DispatcherApp.StartAsync(app, cancellationToken);
            _app = app;
            return addresses;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
