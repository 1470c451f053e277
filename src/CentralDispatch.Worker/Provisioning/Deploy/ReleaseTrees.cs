using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Templates;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Makes a job's release tree in the instance's releases folder: copied from the release (or extracted from the
/// archive a restore reads) and given to the web server user; then the instance config file is rendered outside every
/// tree (<see cref="InstanceLayout.ConfigFile"/>) and, when the release's manifest asks for it, also at its place inside
/// the new tree. Shared by Deploy (Webroot) and Redeploy (ReleaseTree).
/// </summary>
public sealed class ReleaseTrees(
    IOptions<WorkerOptions> options,
    TreeCopier copier,
    TreeOwnership ownership,
    TemplateRenderer templates,
    ArchiveReader archives)
{
    /// <summary>Creates the instance's releases folder with its owner marker (or adopts it on a resumed attempt).</summary>
    public async Task EnsureReleasesFolderAsync(StepContext context, InstanceLayout layout)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(Path.GetDirectoryName(layout.ReleasesFolder)!, FileModes.Folder);
        await context.CreateOrAdoptAsync(layout.ReleasesFolderResource,
            _ => Task.FromResult(Path.Exists(layout.ReleasesFolder)),
            _ =>
            {
                Directory.CreateDirectory(layout.ReleasesFolder, FileModes.Folder);
                return Task.CompletedTask;
            });
        await AtomicFile.WriteTextAsync(layout.OwnerMarkerFile, Ownership.OwnershipTag.Of(layout.Name) + "\n", FileModes.Readable, context.CancellationToken);
    }

    /// <summary>The job's tree for <paramref name="release"/>, made (or finished, on a resumed attempt) and configured.</summary>
    /// <param name="archive">Restore: the verified archive whose webroot becomes the tree; null to copy the release.</param>
    public async Task<string> MakeAsync(StepContext context, InstanceLayout layout, string release, string? archive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        var worker = options.Value;
        var tree = layout.TreeFor(release, context.Job.JobId);
        var resource = new ResourceId(ResourceKinds.Directory, tree);
        var token = context.CancellationToken;
        var claim = context.ClaimOf(resource);
        var exists = Path.Exists(tree);
        if (exists && claim == ResourceClaim.None)
        {
            throw new ResourceNotOwnedException(resource);
        }

        if (exists && claim == ResourceClaim.Intended)
        {
            // A copy this job started and never finished (the worker stopped mid-copy): start it over.
            TreeRemoval.Remove(tree);
            exists = false;
        }

        if (!exists)
        {
            if (claim == ResourceClaim.None)
            {
                await context.RecordIntentAsync(resource);
            }

            if (archive is null)
            {
                await copier.CopyAsync(ReleaseFolders.Resolve(worker.Paths, release), tree, token);
            }
            else
            {
                await archives.ExtractWebrootAsync(archive, tree, token);
            }

            await context.RecordCreatedAsync(resource);
        }

        var manifest = await ReleaseManifest.ReadAsync(tree, token);
        if (manifest.Problem(worker.InstanceConfig.FileName) is { } problem)
        {
            throw new InvalidOperationException($"The release manifest {ReleaseManifest.FileName} of '{release}': {problem}.");
        }

        await ownership.ChangeOwnerAsync(tree, worker.WebServer.User, worker.WebServer.Group, token);
        await WriteInstanceConfigAsync(context, layout, tree, manifest);
        return tree;
    }

    /// <summary>The config file is in place: outside the trees, and inside <paramref name="tree"/> where its manifest asks.</summary>
    public static async Task<bool> IsConfiguredAsync(InstanceLayout layout, string tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.ConfigFile) || !Directory.Exists(tree))
        {
            return false;
        }

        var manifest = await ReleaseManifest.ReadAsync(tree, cancellationToken);
        return manifest.ConfigFile is null || File.Exists(Path.Combine(tree, manifest.ConfigFile));
    }

    /// <summary>
    /// Renders the instance config file with the password from the secrets file: to <see cref="InstanceLayout.ConfigFile"/>
    /// (root's folder: written by path) and, when <paramref name="manifest"/> names a place in the tree, there too (the
    /// tenant's tree: written without following any link, see <see cref="TreeFiles"/>). Owner root (the worker), group
    /// the web server's, 0640: the web server reads it, no other user does.
    /// </summary>
    private async Task WriteInstanceConfigAsync(StepContext context, InstanceLayout layout, string tree, ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        var worker = options.Value;
        var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, context.CancellationToken)
                      ?? throw new InvalidOperationException($"The secrets file {layout.SecretsFile} is missing; the database password is unknown.");
        // The values name the webroot link, not the tree: the config stays right after the next switch.
        var values = DeployTemplateValues.InstanceConfig(context.Instance, worker, layout, layout.Webroot, secrets.DatabasePassword);
        var content = await templates.RenderFileAsync(worker.InstanceConfig.TemplatePath, values, context.CancellationToken);
        var group = ownership.GroupToShareWith(worker.WebServer.User, worker.WebServer.Group);
        await AtomicFile.WriteTextAsync(layout.ConfigFile, content, FileModes.GroupReadable, group, context.CancellationToken);
        if (manifest.ConfigFile is { } inTree)
        {
            await TreeFiles.WriteTextAsync(tree, inTree, content, FileModes.GroupReadable, group, context.CancellationToken);
        }
    }
}
