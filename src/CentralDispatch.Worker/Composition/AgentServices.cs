using System.Net.Http.Headers;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Composition;

/// <summary>Registers the worker agent. The host registers the engine (PlanRunner, JournalStore) and an <see cref="IPlanFactory"/>.</summary>
public static class AgentServices
{
    public const string HttpClientName = "CentralDispatch.Agent";

    /// <summary>
    /// Agent options (section "Agent", validated at start), the dispatcher client, recovery and the loop. Add
    /// <see cref="AgentService"/> as a hosted service for the daemon, or call <see cref="AgentLoop.RunAsync"/> for --once.
    /// </summary>
    public static IServiceCollection AddWorkerAgent(this IServiceCollection services)
    {
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
                http.BaseAddress = DispatcherClient.BaseAddressFor(options.DispatcherUrl);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
                // DispatcherClient bounds each call itself; a claim may wait longer than HttpClient's default.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The daemon keeps one client for its lifetime: recycle connections so a moved dispatcher is found again.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(provider => new DispatcherClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton(provider => new LeaseStore(provider.GetRequiredService<Provisioning.Journal.JournalStore>()));
        services.TryAddSingleton<InstanceLocks>();
        services.TryAddSingleton<ReloadRequesters>();
        services.TryAddSingleton<JobExecutionFactory>();
        services.TryAddSingleton<StartupRecovery>();
        services.TryAddSingleton<AgentLoop>();
        return services;
    }
}
