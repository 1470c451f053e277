using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>
/// Chooses the plan for a claimed job (by its kind and parameters). Throwing fails the job with the message,
/// e.g. for a kind this worker cannot run; nothing has been touched on the host at that point.
/// </summary>
public interface IPlanFactory
{
    PlanRun Create(ProvisioningJob job);
}
