using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>
/// Suspend: maintenance block into the vhost, config test + graceful reload, cron line commented out, then the site
/// must answer 503 with its maintenance page. Resume: the reverse, and the site must answer 200 again.
/// </summary>
public static class SuspendPlans
{
    public const string SuspendName = "Suspend";
    public const string ResumeName = "Resume";

    public static ProvisioningPlan Suspend(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        return new ProvisioningPlan(SuspendName,
        [
            new MaintenanceStep(options, services.GetRequiredService<ReloadCoordinator>(), turnOn: true),
            services.GetRequiredService<ReloadWebServerStep>(),
            new CronSwitchStep(options, services.GetRequiredService<ICrontab>(), suspend: true),
            new MaintenanceCheckStep(options, services.GetRequiredService<LocalSiteProbe>()),
        ]);
    }

    public static ProvisioningPlan Resume(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        return new ProvisioningPlan(ResumeName,
        [
            new MaintenanceStep(options, services.GetRequiredService<ReloadCoordinator>(), turnOn: false),
            services.GetRequiredService<ReloadWebServerStep>(),
            new CronSwitchStep(options, services.GetRequiredService<ICrontab>(), suspend: false),
            services.GetRequiredService<HealthCheckStep>(),
        ]);
    }
}
