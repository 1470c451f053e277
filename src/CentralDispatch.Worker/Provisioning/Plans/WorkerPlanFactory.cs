using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>Chooses the plan for each job kind this worker runs, among the registered <see cref="IJobPlan"/>s.</summary>
public sealed class WorkerPlanFactory : IPlanFactory
{
    private readonly Dictionary<JobKind, ProvisioningPlan> _plans = [];

    public WorkerPlanFactory(IEnumerable<IJobPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        foreach (var plan in plans)
        {
            if (!_plans.TryAdd(plan.Kind, plan.Plan))
            {
                throw new InvalidOperationException($"Two plans are registered for {plan.Kind} jobs: {_plans[plan.Kind].Name} and {plan.Plan.Name}.");
            }
        }
    }

    public PlanRun Create(ProvisioningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind == JobKind.BackOut
            // Back-out undoes, from the instance's latest journal, whatever that job left behind (with the plan that wrote
            // it); with no journal it removes exactly what carries the instance's ownership tag.
            ? PlanRun.RollBackLatestJournal(PlanFor(JobKind.Deploy)) with { PlanForJournal = PlanFor, WithoutJournal = PlanFor(JobKind.BackOut) }
            : PlanRun.Forward(PlanFor(job.Kind));
    }

    /// <summary>The forward plan of a job kind; also the plan that knows how to roll back a journal of that kind.</summary>
    public ProvisioningPlan PlanFor(JobKind kind) => _plans.TryGetValue(kind, out var plan)
        ? plan
        : throw new NotSupportedException(
            $"This worker (version {AgentVersion.Current}) cannot run {kind} jobs; upgrade the worker. Nothing was changed on the host.");
}
