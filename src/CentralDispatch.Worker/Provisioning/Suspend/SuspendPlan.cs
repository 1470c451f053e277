using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>
/// Suspend: maintenance block into the vhost, config test + graceful reload, cron line commented out, then the site
/// must answer 503 with its maintenance page.
/// </summary>
public sealed class SuspendPlan(MaintenanceOnStep maintenance, ReloadWebServerStep reload, CronSuspendStep cron, MaintenanceCheckStep check) : IJobPlan
{
    public const string Name = "Suspend";

    public JobKind Kind => JobKind.Suspend;

    public ProvisioningPlan Plan { get; } = new(Name, [maintenance, reload, cron, check]);
}
