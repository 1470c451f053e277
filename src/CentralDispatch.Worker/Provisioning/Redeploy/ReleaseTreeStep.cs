using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>Copies the new release beside the live tree and renders the instance config into it; nothing is served from it yet.</summary>
public sealed class ReleaseTreeStep(WorkerOptions options, ReleaseTrees trees) : IProvisioningStep
{
    public const string StepName = "ReleaseTree";

    public string Name => StepName;

    public TimeSpan? Timeout => TimeSpan.FromMinutes(30);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options);
        var tree = await trees.MakeAsync(context, layout, TargetRelease.Of(context), archive: null);
        context.Summary = $"release {TargetRelease.Of(context)} copied to {tree}";
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options);
        return ReleaseTrees.IsConfiguredAsync(layout, layout.TreeFor(TargetRelease.Of(context), context.Job.JobId), context.CancellationToken);
    }

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        TreeRemoval.RemoveFolder(resource.Identifier);
        return Task.CompletedTask;
    }
}
