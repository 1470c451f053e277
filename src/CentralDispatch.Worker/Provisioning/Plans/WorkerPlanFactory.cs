using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Redeploy;
using CentralDispatch.Worker.Provisioning.Removal;
using CentralDispatch.Worker.Provisioning.Rotate;
using CentralDispatch.Worker.Provisioning.Suspend;

namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>Chooses the plan for each job kind this worker runs.</summary>
public sealed class WorkerPlanFactory(IServiceProvider services) : IPlanFactory
{
    public PlanRun Create(ProvisioningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind switch
        {
            // Back-out undoes, from the instance's latest journal, whatever that job left behind; with no journal it
            // removes exactly what carries the instance's ownership tag.
            JobKind.BackOut => PlanRun.RollBackLatestJournal(DeployPlan.Create(services)) with
            {
                PlanForJournal = PlanFor,
                WithoutJournal = RemovalPlans.BackOutByTags(services),
            },
            _ => PlanRun.Forward(PlanFor(job.Kind)),
        };
    }

    /// <summary>The forward plan of a job kind; also the plan that knows how to roll back a journal of that kind.</summary>
    public ProvisioningPlan PlanFor(JobKind kind) => kind switch
    {
        JobKind.Deploy => DeployPlan.Create(services),
        JobKind.Decommission => DecommissionPlan.Create(services),
        JobKind.BackOut => RemovalPlans.BackOutByTags(services),
        JobKind.Suspend => SuspendPlans.Suspend(services),
        JobKind.Resume => SuspendPlans.Resume(services),
        JobKind.RotateCertificate => RotatePlan.Create(services),
        JobKind.Redeploy => RedeployPlan.Create(services),
        _ => throw new NotSupportedException(
            $"This worker (version {AgentVersion.Current}) cannot run {kind} jobs; upgrade the worker. Nothing was changed on the host."),
    };
}
