using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>
/// Puts the staged files in place: each live file is first copied to *.previous, then replaced by its staged file with
/// one rename, so Apache finds a complete set at any moment (and no reload runs meanwhile). Rollback puts each
/// *.previous back, or removes a file that had none and holds the new content.
/// </summary>
public sealed class SwapCertificatesStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : IProvisioningStep
{
    public const string StepName = "SwapCertificates";
    public const string ResourceKind = "cert-swap";

    public string Name => StepName;

    public Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var incoming = NewCertificate.Files(NewCertificate.Of(context), layout, layout.Certificates).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var live = new[] { layout.Certificates.KeyFile, layout.Certificates.ChainFile, layout.Certificates.CertificateFile };
        return reloads.ExclusiveAsync(async () =>
        {
            foreach (var path in live.Where(p => incoming.Contains(p) || File.Exists(p)))
            {
                var resource = new ResourceId(ResourceKind, path);
                var fresh = context.ClaimOf(resource) == ResourceClaim.None;
                if (fresh)
                {
                    await context.RecordIntentAsync(resource);
                }

                // A copy left by an earlier job is stale: a fresh start copies the live file again; a resumed one keeps its own copy.
                var previous = path + NewCertificate.PreviousSuffix;
                if (File.Exists(path) && (fresh || !File.Exists(previous)))
                {
                    await AtomicFile.WriteAsync(previous, await File.ReadAllBytesAsync(path, context.CancellationToken), File.GetUnixFileMode(path), context.CancellationToken);
                }

                var staged = path + NewCertificate.StagedSuffix;
                if (!incoming.Contains(path))
                {
                    File.Delete(path); // the new certificate has no chain: the old chain file goes (its copy stays until the end)
                }
                else if (File.Exists(staged))
                {
                    NativeFileSystem.Rename(staged, path);
                }

                await context.RecordCreatedAsync(resource);
            }

            NativeFileSystem.FlushDirectory(options.Value.Paths.CertsFolder);
        }, context.CancellationToken);
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        return Task.FromResult(NewCertificate.Files(NewCertificate.Of(context), layout, layout.Certificates)
            .All(f => File.Exists(f.Path) && File.ReadAllText(f.Path) == f.Content));
    }

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var path = resource.Identifier;
        var previous = path + NewCertificate.PreviousSuffix;
        return reloads.ExclusiveAsync(() =>
        {
            if (File.Exists(previous))
            {
                NativeFileSystem.Rename(previous, path);
            }
            else if (File.Exists(path) && context.Job.Parameters?.NewTls is { } tls)
            {
                // No copy: the file did not exist before this job. Only the new certificate's own file is removed.
                var layout = InstanceLayout.For(context.Instance, options.Value);
                var mine = NewCertificate.Files(tls, layout, layout.Certificates).SingleOrDefault(f => f.Path == path);
                if (mine is not null && File.ReadAllText(path) == mine.Content)
                {
                    File.Delete(path);
                }
            }

            return Task.CompletedTask;
        }, context.CancellationToken);
    }
}
