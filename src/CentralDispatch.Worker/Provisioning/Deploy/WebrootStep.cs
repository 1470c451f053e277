using CentralDispatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 3: makes the instance's releases folder (with its owner marker), copies the release into a tree there (or, for
/// a restore, extracts the archived webroot), renders the instance config file into it, and points the webroot link
/// <c>&lt;install path&gt;/&lt;name&gt;</c> at it. Rollback removes the link, the tree and the folder this job created.
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

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        return Task.FromResult(layout.LiveTree() is not null && File.Exists(InstanceConfigPath(worker, layout.Webroot)));
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
                if (Directory.Exists(resource.Identifier) && !WebrootLink.IsLink(resource.Identifier))
                {
                    Directory.Delete(resource.Identifier, recursive: true);
                }

                break;
            default:
                throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The config file's path inside the webroot; a configured name that would leave the webroot is refused.</summary>
    public static string InstanceConfigPath(WorkerOptions worker, string webroot)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var path = Path.GetFullPath(Path.Combine(webroot, worker.InstanceConfig.FileName));
        return path.StartsWith(Path.GetFullPath(webroot) + "/", StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"Worker:InstanceConfig:FileName '{worker.InstanceConfig.FileName}' leaves the webroot.");
    }
}
