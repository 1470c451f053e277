using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Plans;

/// <summary>Chooses the plan for each job kind this worker runs.</summary>
public sealed class WorkerPlanFactory(IServiceProvider services) : IPlanFactory
{
    public PlanRun Create(ProvisioningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind switch
        {
            JobKind.Deploy => PlanRun.Forward(DeployPlan.Create(services)),
            // Back-out undoes, from the instance's latest journal, whatever its deploy left behind.
            JobKind.BackOut => PlanRun.RollBackLatestJournal(DeployPlan.Create(services)),
            _ => throw new NotSupportedException(
                $"This worker (version {AgentVersion.Current}) cannot run {job.Kind} jobs yet; upgrade the worker. Nothing was changed on the host."),
        };
    }
}
