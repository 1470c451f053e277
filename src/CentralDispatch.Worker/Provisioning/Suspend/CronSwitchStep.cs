using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>
/// Comments out the instance's tagged cron line (suspend) or restores it (resume); a line already as wanted is left
/// and nothing is claimed, so a rollback never flips a line this job did not change.
/// </summary>
public abstract class CronSwitchStep(IOptions<WorkerOptions> options, ICrontab crontab, bool suspend) : IProvisioningStep
{
    public string Name => DeployStepNames.Cron;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tag = InstanceLayout.For(context.Instance, options.Value).CronTag;
        var lines = (await crontab.ListAsync(context.CancellationToken)).Where(l => CrontabLines.HasTag(l, tag)).ToList();
        if (lines.Count == 0)
        {
            context.Summary = $"the instance has no cron line (tag {tag})";
            return;
        }

        if (!lines.Any(l => CrontabLines.IsSuspended(l) != suspend))
        {
            context.Summary = suspend ? "its cron line is already inactive" : "its cron line is already active";
            return;
        }

        var resource = new ResourceId(suspend ? "cron-suspended" : "cron-resumed", tag);
        if (context.ClaimOf(resource) == ResourceClaim.None)
        {
            await context.RecordIntentAsync(resource);
        }

        var changed = suspend ? await crontab.SuspendAsync(tag, context.CancellationToken) : await crontab.ResumeAsync(tag, context.CancellationToken);
        await context.RecordCreatedAsync(resource);
        context.Summary = suspend ? $"{changed} cron line(s) commented out" : $"{changed} cron line(s) active again";
    }

    public async Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tag = InstanceLayout.For(context.Instance, options.Value).CronTag;
        var lines = (await crontab.ListAsync(context.CancellationToken)).Where(l => CrontabLines.HasTag(l, tag));
        return lines.All(l => CrontabLines.IsSuspended(l) == suspend);
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        _ = suspend
            ? await crontab.ResumeAsync(resource.Identifier, context.CancellationToken)
            : await crontab.SuspendAsync(resource.Identifier, context.CancellationToken);
    }
}
