using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.Archives;
using CentralDispatch.Worker.Host.Files;
using CentralDispatch.Worker.Host.Templates;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Makes a job's release tree in the instance's releases folder: copied from the release (or extracted from the
/// archive a restore reads), the instance config file rendered into it, the tree given to the web server user.
/// Shared by Deploy (Webroot) and Redeploy (ReleaseTree).
/// </summary>
public sealed class ReleaseTrees(
    IOptions<WorkerOptions> options,
    TreeCopier copier,
    TreeOwnership ownership,
    TemplateRenderer templates,
    ArchiveReader archives)
{
    /// <summary>0640: the web server reads the config file (it holds the database password); others do not.</summary>
    private const UnixFileMode ConfigFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

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
            Directory.Delete(tree, recursive: true);
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

        await WriteInstanceConfigAsync(context, layout, tree);
        await ownership.ChangeOwnerAsync(tree, worker.WebServer.User, worker.WebServer.Group, token);
        return tree;
    }

    /// <summary>Renders the instance config file into <paramref name="tree"/> with the password from the secrets file.</summary>
    public async Task WriteInstanceConfigAsync(StepContext context, InstanceLayout layout, string tree)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layout);
        var worker = options.Value;
        var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, context.CancellationToken)
                      ?? throw new InvalidOperationException($"The secrets file {layout.SecretsFile} is missing; the database password is unknown.");
        // The values name the webroot link, not the tree: the config stays right after the next switch.
        var values = DeployTemplateValues.InstanceConfig(context.Instance, worker, layout, layout.Webroot, secrets.DatabasePassword);
        var content = await templates.RenderFileAsync(worker.InstanceConfig.TemplatePath, values, context.CancellationToken);
        var path = WebrootStep.InstanceConfigPath(worker, tree);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteTextAsync(path, content, ConfigFileMode, context.CancellationToken);
    }
}
