using System.Net.Http.Headers;
using System.Net.Http.Json;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Cli.Commands.Quickstart;

/// <summary>
/// One quick-start run: fresh data folder, dispatcher on SQLite, an administrator, a registered sandbox worker (its own
/// Apache and MariaDB under the data folder), and the sample instance deployed through the API like any other.
/// </summary>
public sealed class QuickstartSession(string dataFolder, int port, TextWriter output, TimeProvider timeProvider)
{
    public const string AdminEmail = "admin@centraldispatch.example";
    public const string SampleInstance = "sample";
    public const string SampleHostname = "sample.centraldispatch.test";
    public const string ReadyLine = "Central Dispatch quick start is running.";
    private const string Marker = ".centraldispatch-quickstart";
    private static readonly TimeSpan DeployPatience = TimeSpan.FromMinutes(3);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        PrepareDataFolder();
        var dispatcherFolder = Path.Combine(dataFolder, "dispatcher");
        var workerFolder = Path.Combine(dataFolder, "worker");
        await using var dispatcher = DispatcherApp.Build(new DispatcherSettings(dispatcherFolder, null, $"http://127.0.0.1:{port}"),
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        var address = new Uri((await DispatcherApp.StartAsync(dispatcher, cancellationToken))[0]);
        var password = AdminAccounts.GeneratePassword();
        var apiToken = await CreateAdminAsync(dispatcher.Services, password, cancellationToken);
        using var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);

        var worker = await PostAsync<WorkerEnrolmentResponse>(api, "/api/v1/workers",
            new RegisterWorkerRequest("local", "http://127.0.0.1", Labels: ["quickstart"]), cancellationToken);
        var options = WorkerProfiles.Sandbox(workerFolder, address.ToString(), worker.Token);
        var config = Path.Combine(workerFolder, WorkerProfiles.SandboxConfigFileName);
        await WorkerInitializer.InitializeAsync(options, config, Path.Combine(AppContext.BaseDirectory, "sample-release"), cancellationToken);
        var builder = WorkerApp.CreateBuilder(config, daemon: true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var workerHost = builder.Build();
        await workerHost.StartAsync(cancellationToken);
        try
        {
            var (certificate, key) = SelfSignedCertificate.Create(SampleHostname, timeProvider.GetUtcNow(), TimeSpan.FromDays(90));
            var certificateFile = Path.Combine(dataFolder, "sample-certificate.pem");
            await File.WriteAllTextAsync(certificateFile, certificate, cancellationToken);
            await PostAsync<InstanceResponse>(api, "/api/v1/instances", new CreateInstanceRequest(SampleInstance, SampleHostname, Worker: worker.Name,
                BackendEmail: "ops@centraldispatch.example", CertificatePem: certificate, KeyPem: key), cancellationToken);
            var instance = await WaitForDeployAsync(api, cancellationToken);
            await ReportAsync(address, password, apiToken, instance, options, certificateFile);
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            await output.WriteLineAsync("Stopping: the worker stops its Apache and MariaDB; everything stays in " + dataFolder);
            return instance.State == InstanceState.Active ? 0 : 1;
        }
        finally
        {
            await workerHost.StopAsync(CancellationToken.None);
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Each run starts clean; a folder is only ever removed when a previous quick start made it.</summary>
    private void PrepareDataFolder()
    {
        if (Directory.Exists(dataFolder) && Directory.EnumerateFileSystemEntries(dataFolder).Any())
        {
            if (!File.Exists(Path.Combine(dataFolder, Marker)))
            {
                throw new CliException($"{dataFolder} exists and was not made by a quick start; give another --data folder.");
            }

            Directory.Delete(dataFolder, recursive: true);
        }

        Directory.CreateDirectory(dataFolder);
        File.WriteAllText(Path.Combine(dataFolder, Marker), "This folder was made by `dispatch quickstart` and is replaced by its next run.\n");
    }

    private static async Task<string> CreateAdminAsync(IServiceProvider services, string password, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        await accounts.CreateAsync(AdminEmail, password, cancellationToken);
        return await accounts.IssueTokenAsync(AdminEmail, "quickstart", cancellationToken);
    }

    private async Task<InstanceResponse> WaitForDeployAsync(HttpClient api, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Deploying the sample instance '{SampleInstance}' on the sandbox worker…");
        var deadline = timeProvider.GetUtcNow() + DeployPatience;
        while (true)
        {
            var instance = (await api.GetFromJsonAsync<InstanceResponse>($"/api/v1/instances/{SampleInstance}", CoreJson.Options, cancellationToken))!;
            if (instance.State is InstanceState.Active or InstanceState.Failed or InstanceState.NeedsAttention || timeProvider.GetUtcNow() > deadline)
            {
                return instance;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), timeProvider, cancellationToken);
        }
    }

    private async Task ReportAsync(Uri address, string password, string apiToken, InstanceResponse instance, WorkerOptions options, string certificateFile)
    {
        var port = options.WebServer.HttpsPort;
        await output.WriteLineAsync(ReadyLine);
        await output.WriteLineAsync($"  Dispatcher:      {address}  (API reference: {new Uri(address, "/api-reference")})");
        await output.WriteLineAsync($"  Admin e-mail:    {AdminEmail}");
        await output.WriteLineAsync($"  Admin password:  {password}");
        await output.WriteLineAsync($"  Admin API token: {apiToken}");
        await output.WriteLineAsync($"  Instance:        {instance.Name} is {instance.State}" + (instance.Url is null ? "" : $" at {instance.Url}"));
        if (instance.State == InstanceState.Active)
        {
            await output.WriteLineAsync($"  Try it:          curl --cacert {certificateFile} --resolve {SampleHostname}:{port}:127.0.0.1 {instance.Url}");
        }
        else if (instance.LastError is { } error)
        {
            await output.WriteLineAsync($"  Failed step:     {error.Step}: {error.Message}");
        }

        await output.WriteLineAsync($"  Data:            {dataFolder}");
        await output.WriteLineAsync("Press Ctrl-C to stop.");
    }

    private static async Task<T> PostAsync<T>(HttpClient api, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync(path, body, CoreJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(CoreJson.Options, cancellationToken))!;
    }
}
