using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The job's release tree <c>&lt;releases folder&gt;/&lt;release&gt;-job&lt;id&gt;</c> (declared after
/// <see cref="ReleasesFolderResource"/>): copied from the release (or, for a restore, extracted from the archive's
/// webroot), given to the web server user; then the instance config file is rendered outside every tree
/// (<see cref="InstanceLayout.ConfigFile"/>) and, when the release's manifest asks for it, also at its place inside the
/// tree. The tenant can write it once it is deployed: it is copied, chowned and removed through open folders, never
/// following a link (docs/OPERATIONS.md, "Trees the tenant can write"). Never looked for by name: it lives in the
/// releases folder, which Preflight requires free and a removal by tags removes whole.
/// </summary>
public sealed class ReleaseTreeResource(
    IOptions<WorkerOptions> options,
    TreeCopier copier,
    TreeOwnership ownership,
    TemplateRenderer templates,
    ArchiveReader archives) : PathResource(options)
{
    public override string Kind => ResourceKinds.Directory;

    protected override string Noun => "the release tree";

    public override TimeSpan? Timeout => TimeSpan.FromMinutes(30);

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [];

    public override IReadOnlyList<ResourceId> Wanted(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [new(Kind, Layout(context).TreeFor(TargetRelease.Of(context), context.Job.JobId))];
    }

    /// <summary>Any folder directly in the instance's releases folder is one of its trees (a journal names another job's).</summary>
    public override bool Names(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Kind == Kind && Path.GetDirectoryName(resource.Identifier) == Layout(context).ReleasesFolder;
    }

    /// <summary>The release is on this host with a usable manifest, or the archive to restore is there and every checksum holds.</summary>
    public override async Task<IReadOnlyList<string>> ProblemsAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.CancellationToken;
        if (RestoreArchive.Of(context, Worker) is { } archive)
        {
            if (!File.Exists(archive))
            {
                return [$"the archive {archive} to restore from is not on this host"];
            }

            try
            {
                await archives.VerifyAsync(archive, token);
                return [];
            }
            catch (ArchiveInvalidException e)
            {
                return [e.Message];
            }
        }

        var name = TargetRelease.Of(context);
        var release = ReleaseFolders.Resolve(Worker.Paths, name);
        if (!Directory.Exists(release))
        {
            return [$"the release '{name}' is not on this host (expected the folder {release})"];
        }

        return [.. (await ReleaseManifest.ProblemsOfAsync(release, Worker.InstanceConfig.FileName, token)).Select(p => $"the release '{name}': {p}")];
    }

    /// <summary>Made, or finished on a resumed attempt: a copy this job started and never finished is started over.</summary>
    public override async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = Layout(context);
        var tree = Wanted(context)[0];
        var claim = context.ClaimOf(tree);
        var exists = Path.Exists(tree.Identifier);
        if (exists && claim == ResourceClaim.None)
        {
            throw new ResourceNotOwnedException(tree);
        }

        if (exists && claim == ResourceClaim.Intended)
        {
            // A copy this job started and never finished (the worker stopped mid-copy): start it over.
            TreeRemoval.Remove(tree.Identifier);
            exists = false;
        }

        if (!exists)
        {
            if (claim == ResourceClaim.None)
            {
                await context.RecordIntentAsync(tree);
            }

            await CreateAsync(tree, context);
            await context.RecordCreatedAsync(tree);
        }

        var token = context.CancellationToken;
        var manifest = await ReleaseManifest.ReadAsync(tree.Identifier, token);
        if (manifest.Problems(Worker.InstanceConfig.FileName) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"The release manifest {ReleaseManifest.FileName} of '{TargetRelease.Of(context)}': {string.Join("; ", problems)}.");
        }

        await ownership.ChangeOwnerAsync(tree.Identifier, Worker.WebServer.User, Worker.WebServer.Group, token);
        await WriteInstanceConfigAsync(context, layout, tree.Identifier, manifest);
        context.Summary = RestoreArchive.Of(context, Worker) is { } archive
            ? $"the webroot of {archive} extracted to {tree.Identifier}"
            : $"release {TargetRelease.Of(context)} copied to {tree.Identifier}";
    }

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(Found(resource, ours: false, "a tree is removed only with its releases folder"));
    }

    /// <summary>The copy of the release, or the archive's webroot for a restore.</summary>
    protected override Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var token = context.CancellationToken;
        return RestoreArchive.Of(context, Worker) is { } archive
            ? archives.ExtractWebrootAsync(archive, resource.Identifier, token)
            : copier.CopyAsync(ReleaseFolders.Resolve(Worker.Paths, TargetRelease.Of(context)), resource.Identifier, token);
    }

    public override Task<bool> VerifyAsync(StepContext context) => IsConfiguredAsync(Layout(context), Wanted(context)[0].Identifier, context.CancellationToken);

    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        TreeRemoval.RemoveFolder(resource.Identifier);
        return Task.CompletedTask;
    }

    /// <summary>The config file is in place: outside the trees, and inside <paramref name="tree"/> where its manifest asks.</summary>
    private static async Task<bool> IsConfiguredAsync(InstanceLayout layout, string tree, CancellationToken cancellationToken)
    {
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
        var worker = Worker;
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
