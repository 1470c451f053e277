using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Templates;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Step 8: the instance's line in the web user's crontab, tagged with the instance name.</summary>
public sealed class CronStep(IOptions<WorkerOptions> options, ICrontab crontab, TemplateRenderer templates) : IProvisioningStep
{
    public string Name => DeployStepNames.Cron;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        var line = CronLine.For(context.Instance, worker, layout, templates);
        await context.CreateOrAdoptAsync(layout.CronResource,
            ct => crontab.HasTagAsync(layout.CronTag, ct),
            ct => crontab.AddAsync(layout.CronTag, line, ct));
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return crontab.HasTagAsync(InstanceLayout.For(context.Instance, options.Value).CronTag, context.CancellationToken);
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Kind != ResourceKinds.Cron)
        {
            throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        await crontab.RemoveAsync(resource.Identifier, context.CancellationToken);
    }
}
