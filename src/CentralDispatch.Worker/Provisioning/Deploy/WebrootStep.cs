using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 3: makes the instance's releases folder (with its owner marker), copies the release into a tree there (or, for
/// a restore, extracts the archived webroot), renders the instance config file beside it, and points the webroot link
/// <c>&lt;install path&gt;/&lt;name&gt;</c> at it. Rollback removes the link, the tree and the folder this job created,
/// without following any link the tenant may have put in them.
/// </summary>
public sealed class WebrootStep(IOptions<WorkerOptions> options, ReleaseTrees trees) : IProvisioningStep
{
    public string Name => DeployStepNames.Webroot;

    public TimeSpan? Timeout => TimeSpan.FromMinutes(30);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        await trees.EnsureReleasesFolderAsync(context, layout);
        var tree = await trees.MakeAsync(context, layout, context.Instance.Release, RestoreArchive.Of(context, worker));
        await context.CreateOrAdoptAsync(layout.WebrootResource,
            _ => Task.FromResult(Path.Exists(layout.Webroot) || WebrootLink.IsLink(layout.Webroot)),
            _ =>
            {
                WebrootLink.PointAt(layout.Webroot, tree);
                return Task.CompletedTask;
            });
    }

    public async Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        return layout.LiveTree() is { } live && await ReleaseTrees.IsConfiguredAsync(layout, live, context.CancellationToken);
    }

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        switch (resource.Kind)
        {
            case ResourceKinds.Link:
                WebrootLink.Remove(resource.Identifier);
                break;
            case ResourceKinds.Directory:
                // A link or file put in the folder's place is not what this job made: it stays.
                TreeRemoval.RemoveFolder(resource.Identifier);
                break;
            default:
                throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        return Task.CompletedTask;
    }
}
