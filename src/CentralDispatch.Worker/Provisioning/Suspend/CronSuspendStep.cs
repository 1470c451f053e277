using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Suspend: the instance's cron line is commented out.</summary>
public sealed class CronSuspendStep(IOptions<WorkerOptions> options, ICrontab crontab) : CronSwitchStep(options, crontab, suspend: true);
