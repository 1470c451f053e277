using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 4: writes the instance's certificate (with its chain appended), key (0600) and chain into the certs folder, each
/// headed by the ownership tag line (PEM readers skip text before the BEGIN line).
/// An instance without a certificate has nothing here: it is served with the default certificate, or over HTTP.
/// </summary>
public sealed class CertificatesStep(IOptions<WorkerOptions> options, CertificateFileWriter writer) : IProvisioningStep
{
    public string Name => DeployStepNames.Certificates;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Instance.Tls is not { } tls)
        {
            return;
        }

        var paths = InstanceLayout.For(context.Instance, options.Value).Certificates;
        var files = Files(paths, tls.ChainPem is not null);
        foreach (var file in files)
        {
            if (File.Exists(file.Identifier) && !context.WasCreatedByThisJob(file))
            {
                throw new ResourceNotOwnedException(file);
            }
        }

        foreach (var file in files.Where(f => context.ClaimOf(f) == ResourceClaim.None))
        {
            await context.RecordIntentAsync(file);
        }

        Directory.CreateDirectory(options.Value.Paths.CertsFolder);
        await writer.WriteAsync(paths, tls.CertificatePem, tls.KeyPem, tls.ChainPem, OwnershipTag.CommentLine(context.Instance.Name), context.CancellationToken);
        foreach (var file in files.Where(f => context.ClaimOf(f) == ResourceClaim.Intended))
        {
            await context.RecordCreatedAsync(file);
        }
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Instance.Tls is null)
        {
            return Task.FromResult(true);
        }

        var paths = InstanceLayout.For(context.Instance, options.Value).Certificates;
        var keyIsPrivate = File.Exists(paths.KeyFile)
                           && (File.GetUnixFileMode(paths.KeyFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0;
        return Task.FromResult(File.Exists(paths.CertificateFile) && keyIsPrivate);
    }

    public Task RollbackAsync(ResourceId resource, StepContext context) => FileResources.DeleteAsync(resource, Name);

    private static List<ResourceId> Files(CertificatePaths paths, bool withChain)
    {
        var files = new List<ResourceId> { new(ResourceKinds.File, paths.KeyFile), new(ResourceKinds.File, paths.CertificateFile) };
        if (withChain)
        {
            files.Insert(1, new ResourceId(ResourceKinds.File, paths.ChainFile));
        }

        return files;
    }
}
