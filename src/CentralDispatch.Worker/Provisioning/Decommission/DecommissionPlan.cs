using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Provisioning.Removal;

namespace CentralDispatch.Worker.Provisioning.Decommission;

/// <summary>
/// Decommission: archive first (verified), then adopt everything of the instance that carries its tag and remove it in
/// back-out order. An archive that cannot be written or verified fails the job before anything is adopted or removed.
/// </summary>
public sealed class DecommissionPlan(ArchiveStep archive, DeployPlan deploy) : IJobPlan
{
    public const string Name = "Decommission";

    public JobKind Kind => JobKind.Decommission;

    public ProvisioningPlan Plan { get; } = new(Name, [archive, .. AdoptStep.For(deploy.ResourceSteps)]) { EndsWithRemoval = true };
}
