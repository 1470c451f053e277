using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Composition;

/// <summary>Composes a worker host from its configuration file: host adapters, sandbox servers, engine, plans and agent.</summary>
public static class WorkerApp
{
    /// <summary>The step in flight may finish on shutdown; the slowest step (a large copy) is bounded by this.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(10);

    public static HostApplicationBuilder CreateBuilder(string configPath, bool daemon)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddWorkerConfigFile(configPath);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        AddWorker(builder.Services, builder.Configuration, daemon);
        return builder;
    }

    public static IServiceCollection AddWorker(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, bool daemon)
    {
        services.AddWorkerOptions(configuration);
        services.AddWorkerMachine();
        services.AddWorkerPlans();
        services.AddSingleton(p => new JournalStore(p.GetRequiredService<IOptions<WorkerOptions>>().Value.Paths.JournalFolder,
            p.GetRequiredService<TimeProvider>()));
        // Read once at start: a wrong value fails the start instead of being ignored.
        var faultInjection = FaultInjection.FromEnvironment();
        services.AddOptions<PlanRunnerOptions>().Configure(o => o.FaultInjection = faultInjection);
        services.AddSingleton<PlanRunner>();
        services.AddWorkerAgent();
        // One configuration file: the agent's dispatcher address, token and concurrency come from the worker's.
        services.AddOptions<AgentOptions>().Configure<IOptions<WorkerOptions>>((agent, worker) =>
        {
            agent.DispatcherUrl = worker.Value.Dispatcher.Url;
            agent.Token = worker.Value.Dispatcher.Token;
            agent.AllowInsecureHttp = worker.Value.Dispatcher.AllowInsecureHttp;
            agent.Concurrency = worker.Value.Concurrency;
            agent.InstallPath = worker.Value.Paths.InstallPath;
        });
        if (daemon)
        {
            services.AddSingleton<AgentService>();
            services.AddHostedService(p => p.GetRequiredService<AgentService>());
        }

        return services;
    }

    /// <summary>`dispatch worker run [--once]`: runs until stopped (daemon) or until the queue is empty (once).</summary>
    public static async Task<int> RunAsync(string configPath, bool once, CancellationToken cancellationToken)
    {
        using var host = CreateBuilder(configPath, daemon: !once).Build();
        if (!once)
        {
            // RunAsync disposes the host when it ends (SIGTERM, or the agent stopping it): the service whose exit code
            // is read afterwards is taken before.
            var agent = host.Services.GetRequiredService<AgentService>();
            await host.RunAsync(cancellationToken);
            return agent.ExitCode;
        }

        // --once still needs the sandbox servers (hosted) but no daemon loop.
        await host.StartAsync(cancellationToken);
        try
        {
            return await host.Services.GetRequiredService<AgentLoop>().RunAsync(AgentRunMode.Once, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
