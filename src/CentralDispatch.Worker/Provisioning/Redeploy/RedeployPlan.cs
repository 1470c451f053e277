using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Provisioning.Resources;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>
/// Redeploy to a release: new tree beside the live one (config rendered in), atomic switch of the webroot link +
/// graceful reload, health check; on any failure the previous tree is live again. Old trees go only after success.
/// </summary>
public sealed class RedeployPlan(
    RedeployPreflightStep preflight,
    ReleaseTreeResource releaseTree,
    SwitchStep @switch,
    HealthCheckStep healthCheck,
    RemovePreviousTreeStep removePrevious) : IJobPlan
{
    public const string Name = "Redeploy";

    /// <summary>The step that copies the new release beside the live tree (config rendered in); nothing is served from it yet.</summary>
    public const string ReleaseTreeStep = "ReleaseTree";

    public JobKind Kind => JobKind.Redeploy;

    public ProvisioningPlan Plan { get; } = new(Name, [preflight, new ResourceStep(ReleaseTreeStep, releaseTree), @switch, healthCheck, removePrevious]);
}
