using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CentralDispatch.Web.Tests.Infrastructure;

/// <summary>
/// A real dispatcher (in-process, Kestrel on a free loopback port, SQLite), a real sandbox worker (in-process, its
/// private Apache and MariaDB) enrolled with it, an administrator with a password, and Debian's Chromium.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Password = DispatcherTestHost.AdminPassword;
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private string _workerData = null!;
    private IHost? _worker;
    private IPlaywright? _playwright;
    private readonly Lazy<Task<(string Active, string Archived)>> _settled;

    public WebFixture() => _settled = new(SettleInstancesAsync);

    /// <summary>The dispatcher; its administrator (<see cref="AdminEmail"/>, <see cref="Password"/>) signs in to the UI.</summary>
    public DispatcherTestHost Dispatcher { get; private set; } = null!;
    public WebApplication App => Dispatcher.App;
    public Uri BaseAddress => Dispatcher.BaseAddress;
    public string AdminEmail => Dispatcher.AdminEmail;
    public string WorkerName { get; } = TestNames.Unique("web");
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The sandbox worker's settings: its release folder and its Apache's ports.</summary>
    public WorkerOptions WorkerOptions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dispatcher = await DispatcherTestHost.StartAsync();
        var worker = await RegisterWorkerAsync(WorkerName);
        await StartWorkerAsync(worker.Token);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        if (Dispatcher is not null)
        {
            await Dispatcher.DisposeAsync();
        }

        TryDelete(_workerData);
    }

    /// <summary>Runs <paramref name="call"/> on a dispatcher service in its own scope (to set up or check the store).</summary>
    public Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull => Dispatcher.WithServiceAsync(call);

    /// <summary>Registers a worker through the service (no agent runs for it unless a test plays one).</summary>
    public Task<WorkerEnrolmentResponse> RegisterWorkerAsync(string name) => WithServiceAsync<WorkerService, WorkerEnrolmentResponse>(s =>
        s.RegisterAsync(new RegisterWorkerRequest(name, $"https://{name}.hosts.example"), CancellationToken.None));

    /// <summary>Creates an instance through the service, as the API would; its Deploy job is queued for <paramref name="worker"/>.</summary>
    public Task<InstanceResponse> CreateInstanceAsync(string name, string worker, string? release = null, List<string?>? aliases = null,
        PemCertificate? certificate = null) =>
        WithServiceAsync<InstanceService, InstanceResponse>(s => s.CreateAsync(
            new CreateInstanceRequest(name, TestNames.Hostname(name), aliases, worker, release, "ops@example.com", certificate?.CertificatePem,
                certificate?.KeyPem), "test", CancellationToken.None));

    /// <summary>
    /// Two instances deployed by the sandbox worker, made once for the tests that only look at pages: one Active, one
    /// decommissioned to Archived (with its archive).
    /// </summary>
    public Task<(string Active, string Archived)> SettledInstancesAsync() => _settled.Value;

    /// <summary>Waits, reading the store, until the instance is in <paramref name="state"/>; the bound only stops a stuck test.</summary>
    public Task WaitForStateAsync(string name, InstanceState state) => Eventually.TrueAsync(
        async () => (await WithServiceAsync<InstanceService, InstanceResponse>(s => s.GetAsync(name, CancellationToken.None))).State == state,
        $"instance {name} {state}", TimeSpan.FromMinutes(3));

    /// <summary>What the sandbox worker's Apache answers for <paramref name="hostname"/> over HTTPS.</summary>
    public Task<ProbeResult> ProbeAsync(string hostname) => new LocalSiteProbe(TimeProvider.System)
        .ProbeHttpsAsync(hostname, WorkerOptions.WebServer.HttpsPort, null, TimeSpan.FromSeconds(5), CancellationToken.None);

    /// <summary>A release folder on the sandbox worker whose index page says its name.</summary>
    public string WriteRelease(string prefix)
    {
        var name = TestNames.Unique(prefix);
        var folder = Path.Combine(WorkerOptions.Paths.ReleasesFolder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<h1>release {name}</h1>");
        return name;
    }

    public Task CreateAdminAsync(string email, string password) =>
        WithServiceAsync<AdminAccounts, AdminUser>(a => a.CreateAsync(email, password, CancellationToken.None));

    /// <summary>A fresh browser context (own cookies) at desktop width, or at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });

    /// <summary>A page signed in as the fixture's administrator (or the one given), on the dashboard.</summary>
    public async Task<IPage> SignedInPageAsync(IBrowserContext context, string? email = null, string password = Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email ?? AdminEmail);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private async Task<(string Active, string Archived)> SettleInstancesAsync()
    {
        var (active, archived) = (TestNames.Unique("act"), TestNames.Unique("arc"));
        await CreateInstanceAsync(active, WorkerName, certificate: TestCertificates.ForHosts(TestNames.Hostname(active)));
        await CreateInstanceAsync(archived, WorkerName);
        await WaitForStateAsync(archived, InstanceState.Active);
        await WithServiceAsync<InstanceService, JobSummary>(s => s.ActAsync(archived, InstanceActions.Get<DecommissionAction>(), null, "test", CancellationToken.None));
        await WaitForStateAsync(archived, InstanceState.Archived);
        await WaitForStateAsync(active, InstanceState.Active);
        return (active, archived);
    }

    private async Task StartWorkerAsync(string token)
    {
        // Short on purpose: the private MariaDB's unix socket path inside it must stay under 108 bytes.
        _workerData = Path.Combine("/tmp", $"cd-web-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(_workerData, FileModes.Folder);
        File.SetUnixFileMode(_workerData, FileModes.Folder);
        var config = Path.Combine(_workerData, WorkerProfiles.SandboxConfigFileName);
        var options = WorkerProfiles.Sandbox(_workerData, BaseAddress.ToString(), token);
        WorkerOptions = options;
        await WorkerInitializer.InitializeAsync(options, config, RepositoryPaths.SampleRelease, CancellationToken.None);
        var builder = WorkerApp.CreateBuilder(config, daemon: true);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        _worker = builder.Build();
        await _worker.StartAsync();
    }

    private static void TryDelete(string? folder)
    {
        try
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A server may hold a file a moment longer; the temp folder is cleaned by the OS eventually.
        }
    }
}
