using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Provisioning.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Agent;

/// <summary>Makes a <see cref="JobExecution"/> for each claimed job, with the services every execution shares.</summary>
public sealed class JobExecutionFactory(
    DispatcherClient client,
    IPlanFactory plans,
    PlanRunner runner,
    JournalStore journals,
    LeaseStore leases,
    InstanceLocks locks,
    ReloadRequesters reloadRequesters,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILogger<JobExecution> logger)
{
    internal DispatcherClient Client => client;
    internal IPlanFactory Plans => plans;
    internal PlanRunner Runner => runner;
    internal JournalStore Journals => journals;
    internal LeaseStore Leases => leases;
    internal InstanceLocks Locks => locks;
    internal ReloadRequesters ReloadRequesters => reloadRequesters;
    internal AgentOptions Options => options.Value;
    internal TimeProvider TimeProvider => timeProvider;
    internal ILogger Logger => logger;

    /// <param name="assignment">The job as the claim returned it.</param>
    /// <param name="heartbeatInterval">From the hello; zero means a third of the lease.</param>
    public JobExecution Create(JobAssignment assignment, TimeSpan heartbeatInterval)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var interval = heartbeatInterval > TimeSpan.Zero ? heartbeatInterval : assignment.Lease / 3;
        if (interval <= TimeSpan.Zero)
        {
            interval = TimeSpan.FromSeconds(1); // a dispatcher that sent no lease must still not be hammered
        }

        return new JobExecution(assignment, interval, this);
    }
}
