using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>
/// The switch: the webroot link flips to the new tree with one rename(2), so each request is served wholly from the
/// old tree or the new; then a graceful reload (coalesced with other jobs') lets go of anything that cached the old
/// paths. Rollback flips the link back to the tree that was live before, which is still there.
/// </summary>
public sealed partial class SwitchStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : IProvisioningStep
{
    public const string StepName = "Switch";
    public const string ResourceKind = "switch";
    private const string PreviousNote = "redeploy.previousTree";

    public string Name => StepName;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var tree = layout.TreeFor(TargetRelease.Of(context), context.Job.JobId);
        var previous = context.Notes.Get(PreviousNote);
        if (previous is null)
        {
            previous = layout.LiveTree() ?? throw new InvalidOperationException($"The webroot {layout.Webroot} does not point into {layout.ReleasesFolder}.");
            await context.Notes.SetAsync(PreviousNote, previous);
        }

        var resource = new ResourceId(ResourceKind, layout.Webroot);
        if (context.ClaimOf(resource) == ResourceClaim.None)
        {
            await context.RecordIntentAsync(resource);
        }

        if (layout.LiveTree() != tree)
        {
            WebrootLink.PointAt(layout.Webroot, tree);
        }

        await context.RecordCreatedAsync(resource);
        await reloads.RequestReloadAsync(context.CancellationToken);
        context.Summary = $"{layout.Webroot} now points to {Path.GetFileName(tree)} (was {Path.GetFileName(previous)})";
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        return Task.FromResult(layout.LiveTree() == layout.TreeFor(TargetRelease.Of(context), context.Job.JobId));
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        if (context.Notes.Get(PreviousNote) is not { } previous || !Directory.Exists(previous))
        {
            throw new InvalidOperationException($"The tree that was live before this redeploy is gone; {layout.Webroot} cannot be pointed back.");
        }

        if (layout.LiveTree() != previous)
        {
            WebrootLink.PointAt(layout.Webroot, previous);
        }

        try
        {
            await reloads.RequestReloadAsync(context.CancellationToken);
        }
        catch (ConfigTestFailedException e)
        {
            // The link is back, and Apache's running configuration serves it: the reload only clears caches.
            LogReloadSkipped(context.Logger, layout.Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redeploy of {InstanceName} rolled back; the reload after pointing the webroot back failed: {Reason}")]
    private static partial void LogReloadSkipped(ILogger logger, string instanceName, string reason);
}
