using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Resume: the maintenance block out of the vhost, reload, cron line active again, and the site must answer 200.</summary>
public sealed class ResumePlan(MaintenanceOffStep maintenance, ReloadWebServerStep reload, CronResumeStep cron, HealthCheckStep check) : IJobPlan
{
    public const string Name = "Resume";

    public JobKind Kind => JobKind.Resume;

    public ProvisioningPlan Plan { get; } = new(Name, [maintenance, reload, cron, check]);
}
