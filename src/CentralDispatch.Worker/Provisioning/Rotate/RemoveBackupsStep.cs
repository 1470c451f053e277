using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>The new certificate is served: the *.previous copies of the old files and vhost go. Never fails the rotation.</summary>
public sealed class RemoveBackupsStep(IOptions<WorkerOptions> options) : IProvisioningStep
{
    public const string StepName = "RemoveBackups";

    public string Name => StepName;

    public Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var backups = layout.Certificates.All.Append(layout.VirtualHostFile).Select(p => p + NewCertificate.PreviousSuffix).Where(File.Exists).ToList();
        var failed = new List<string>();
        foreach (var backup in backups)
        {
            try
            {
                File.Delete(backup);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{backup} ({e.Message})");
            }
        }

        context.Summary = failed.Count == 0 ? $"{backups.Count} old file(s) removed" : $"could not remove {string.Join(", ", failed)}; remove by hand";
        return Task.CompletedTask;
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
