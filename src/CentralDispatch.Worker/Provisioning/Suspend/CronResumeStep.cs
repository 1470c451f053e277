using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Resume: the instance's cron line is active again.</summary>
public sealed class CronResumeStep(IOptions<WorkerOptions> options, ICrontab crontab) : CronSwitchStep(options, crontab, suspend: false);
