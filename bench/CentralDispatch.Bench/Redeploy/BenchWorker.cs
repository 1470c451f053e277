using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.Redeploy;

/// <summary>A sandbox worker (its own Apache and MariaDB) running its agent in this process, as `dispatch worker run` does.</summary>
public sealed class BenchWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchWorker(IHost host, WorkerOptions options)
    {
        _host = host;
        Options = options;
    }

    public WorkerOptions Options { get; }

    public ReloadStatistics Reloads => _host.Services.GetRequiredService<ReloadCoordinator>().Statistics;

    public static async Task<BenchWorker> StartAsync(string configPath, CancellationToken cancellationToken)
    {
        var builder = WorkerApp.CreateBuilder(configPath, daemon: true);
        builder.Logging.ClearProviders();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BenchWorker(host, WorkerConfigFile.Load(configPath));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
