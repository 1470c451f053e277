using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Agent;

/// <summary>What to run for a job: the plan and how (forward, or a rollback from the instance's latest journal).</summary>
public sealed record PlanRun(ProvisioningPlan Plan, PlanRunKind Kind)
{
    public static PlanRun Forward(ProvisioningPlan plan) => new(plan, PlanRunKind.Forward);

    public static PlanRun RollBackLatestJournal(ProvisioningPlan plan) => new(plan, PlanRunKind.RollBackLatestJournal);
}
