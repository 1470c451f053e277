using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>Writes the new certificate, key (0600) and chain beside the live files (*.new); Apache does not read them yet.</summary>
public sealed class StageCertificatesStep(IOptions<WorkerOptions> options) : IProvisioningStep
{
    public const string StepName = "StageCertificates";

    public string Name => StepName;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var files = NewCertificate.Files(NewCertificate.Of(context), layout, NewCertificate.Staged(layout));
        foreach (var file in files.Select(f => new ResourceId(ResourceKinds.File, f.Path)))
        {
            if (File.Exists(file.Identifier) && !context.WasCreatedByThisJob(file))
            {
                throw new ResourceNotOwnedException(file);
            }

            if (context.ClaimOf(file) == ResourceClaim.None)
            {
                await context.RecordIntentAsync(file);
            }
        }

        Directory.CreateDirectory(options.Value.Paths.CertsFolder);
        foreach (var file in files)
        {
            await AtomicFile.WriteTextAsync(file.Path, file.Content, file.Mode, context.CancellationToken);
            await context.RecordCreatedAsync(new ResourceId(ResourceKinds.File, file.Path));
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => FileResources.DeleteAsync(resource, Name);
}
