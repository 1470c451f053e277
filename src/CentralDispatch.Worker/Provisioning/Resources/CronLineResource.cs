using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's line in the web user's crontab (<see cref="CronLine"/>), tagged with its ownership tag: the tag is both
/// its name and the proof it is ours. Preflight renders the line, so a value that would change what the crontab means
/// stops the deploy before anything is made.
/// </summary>
public sealed class CronLineResource(IOptions<WorkerOptions> options, ICrontab crontab, TemplateRenderer templates) : HostResource(options)
{
    public override string Kind => ResourceKinds.Cron;

    protected override string Noun => "the cron line tagged";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).CronTag)];

    public override Task<IReadOnlyList<string>> ProblemsAsync(StepContext context)
    {
        try
        {
            Line(context);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }
        catch (TemplateException e)
        {
            return Task.FromResult<IReadOnlyList<string>>([$"cron line: {e.Message}"]);
        }
    }

    /// <summary>The line is rendered before anything is claimed: a value cron would misread fails the step with nothing to undo.</summary>
    public override async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var line = Line(context);
        var tag = OfInstance(context)[0];
        await context.CreateOrAdoptAsync(tag, _ => ExistsAsync(tag, context), ct => crontab.AddAsync(tag.Identifier, line, ct));
    }

    public override Task<bool> ExistsAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return crontab.HasTagAsync(resource.Identifier, context.CancellationToken);
    }

    public override async Task<Finding> FindAsync(ResourceId resource, StepContext context) =>
        await ExistsAsync(resource, context) ? Finding.Ours(resource) : Finding.NotThere(resource);

    protected override Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return crontab.AddAsync(resource.Identifier, Line(context), context.CancellationToken);
    }

    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return crontab.RemoveAsync(resource.Identifier, context.CancellationToken);
    }

    private string Line(StepContext context) => CronLine.For(context.Instance, Worker, Layout(context), templates);
}
