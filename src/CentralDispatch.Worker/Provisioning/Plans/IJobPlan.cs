using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>
/// The plan of one job kind, composed once from the steps (and resources) the container injects into its constructor.
/// Registered per job kind (Composition/PlanServices); <see cref="WorkerPlanFactory"/> picks it by <see cref="Kind"/>.
/// </summary>
public interface IJobPlan
{
    JobKind Kind { get; }

    ProvisioningPlan Plan { get; }
}
