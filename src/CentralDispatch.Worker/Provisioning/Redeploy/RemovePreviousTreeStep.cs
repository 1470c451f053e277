using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Resources;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>
/// The new release is live and healthy: report it, and remove the trees of the instance that are no longer live (the
/// previous one, and any an interrupted job left). Never fails the redeploy; what cannot be removed is named.
/// </summary>
public sealed class RemovePreviousTreeStep(IOptions<WorkerOptions> options) : IProvisioningStep
{
    public const string StepName = "RemovePreviousTree";

    public string Name => StepName;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        await context.ReportReleaseAsync(TargetRelease.Of(context));
        var live = layout.LiveTree();
        var removed = new List<string>();
        var failed = new List<string>();
        foreach (var tree in Directory.EnumerateDirectories(layout.ReleasesFolder).Where(t => t != live && !WebrootLink.IsLink(t)))
        {
            try
            {
                TreeRemoval.RemoveFolder(tree);
                removed.Add(Path.GetFileName(tree));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{tree} ({e.Message})");
            }
        }

        context.Summary = $"removed {(removed.Count == 0 ? "no old tree" : string.Join(", ", removed))}"
                          + (failed.Count == 0 ? "" : $"; could not remove {string.Join(", ", failed)}");
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
