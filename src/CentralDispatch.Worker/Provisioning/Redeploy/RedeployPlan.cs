using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>
/// Redeploy to a release: new tree beside the live one (config rendered in), atomic switch of the webroot link +
/// graceful reload, health check; on any failure the previous tree is live again. Old trees go only after success.
/// </summary>
public static class RedeployPlan
{
    public const string Name = "Redeploy";

    public static ProvisioningPlan Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        return new ProvisioningPlan(Name,
        [
            new RedeployPreflightStep(options),
            new ReleaseTreeStep(options, services.GetRequiredService<ReleaseTrees>()),
            new SwitchStep(options, services.GetRequiredService<ReloadCoordinator>()),
            services.GetRequiredService<HealthCheckStep>(),
            new RemovePreviousTreeStep(options),
        ]);
    }
}
