using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.Harness;

/// <summary>
/// A real worker as `dispatch worker run` composes it (sandbox profile: its own Apache and MariaDB in a fresh folder),
/// enrolled to the benchmark's dispatcher. Disposing stops it (and its servers) and removes the folder.
/// </summary>
public sealed class SandboxWorker : IAsyncDisposable
{
    private readonly BenchFolder _data;
    private readonly IHost _host;

    private SandboxWorker(string name, BenchFolder data, IHost host, WorkerOptions options)
    {
        Name = name;
        _data = data;
        _host = host;
        HttpsPort = options.WebServer.HttpsPort;
    }

    public string Name { get; }

    public int HttpsPort { get; }

    /// <summary>Config tests and graceful reloads the worker has asked for and run since it started.</summary>
    public ReloadStatistics Reloads => _host.Services.GetRequiredService<ReloadCoordinator>().Statistics;

    /// <summary>The worker's own config test and reload commands, on its Apache.</summary>
    public IWebServerControl WebServer => _host.Services.GetRequiredService<IWebServerControl>();

    /// <summary>Registers the worker through <paramref name="admin"/> and starts it against the dispatcher at <paramref name="dispatcher"/>.</summary>
    public static async Task<SandboxWorker> StartAsync(Uri dispatcher, HttpClient admin, string name, int concurrency, TimeSpan coalescingWindow,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var token = await admin.RegisterWorkerAsync(name, capacity: 1000, cancellationToken);
        var data = new BenchFolder("cd-bench");
        try
        {
            var config = data.Combine(WorkerProfiles.SandboxConfigFileName);
            var options = WorkerProfiles.Sandbox(data.Path, dispatcher.ToString(), token);
            options.Concurrency = concurrency;
            options.ReloadCoalescingWindow = coalescingWindow;
            await WorkerInitializer.InitializeAsync(options, config, RepositoryFiles.SampleRelease, cancellationToken);
            var builder = WorkerApp.CreateBuilder(config, daemon: true);

            // Stdout carries the report; the worker's warnings and errors go to stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
                throw;
            }

            return new SandboxWorker(name, data, host, options);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
            _data.Dispose();
        }
    }
}
