using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>
/// What to run for a job: the plan and how (forward, or a rollback from the instance's latest journal). A back-out
/// picks the plan that wrote the journal (<see cref="PlanForJournal"/>) and, when the instance has no journal on this
/// worker, runs <see cref="WithoutJournal"/> forward instead (removal by ownership tags).
/// </summary>
public sealed record PlanRun(ProvisioningPlan Plan, PlanRunKind Kind)
{
    /// <summary>The plan that knows the steps of a journal of this job kind; default <see cref="Plan"/>.</summary>
    public Func<JobKind, ProvisioningPlan>? PlanForJournal { get; init; }

    /// <summary>Run forward when there is no journal to roll back; null: nothing to do then.</summary>
    public ProvisioningPlan? WithoutJournal { get; init; }

    public static PlanRun Forward(ProvisioningPlan plan) => new(plan, PlanRunKind.Forward);

    public static PlanRun RollBackLatestJournal(ProvisioningPlan plan) => new(plan, PlanRunKind.RollBackLatestJournal);

    /// <summary>The plan to roll back a journal written by a job of <paramref name="kind"/>.</summary>
    public ProvisioningPlan ForJournal(JobKind kind) => PlanForJournal?.Invoke(kind) ?? Plan;
}
