using System.Globalization;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Decommission;

/// <summary>
/// Decommission, first step: writes the instance's archive (the live release tree, a mariadb-dump of its database and
/// a manifest with the SHA-256 of every file) as one .tar.gz in the archive folder, reads it back and checks every
/// entry against the manifest, and only then gives it its final name. Until then nothing is removed; a failure
/// here leaves the instance as it was. The finished archive is never claimed, so no rollback ever deletes it.
/// </summary>
public sealed class ArchiveStep(IOptions<WorkerOptions> options, MariaDbAdmin database, ArchiveWriter writer, ArchiveReader reader) : IProvisioningStep
{
    public const string StepName = "Archive";
    private const string PathNote = "archive.path";

    /// <summary>Skipped entries named in the summary; the manifest lists them all.</summary>
    private const int MaxListed = 10;

    public string Name => StepName;

    public TimeSpan? Timeout => TimeSpan.FromHours(2);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        var token = context.CancellationToken;
        var final = await FinalPathAsync(context, worker);
        if (File.Exists(final))
        {
            // A resumed attempt: the archive was finished and verified before the worker stopped.
            var done = await reader.VerifyAsync(final, token);
            await FinishAsync(context, final, done);
            return;
        }

        var tree = layout.LiveTree() ?? (Directory.Exists(layout.Webroot) && !WebrootLink.IsLink(layout.Webroot) ? layout.Webroot : null);
        var hasDatabase = await database.DatabaseExistsAsync(layout.Database, token);
        if (tree is null && !hasDatabase)
        {
            context.Summary = "neither a webroot nor a database of the instance is on this host: nothing to archive";
            return;
        }

        // A missing archive folder is made; a path that is not a folder, or one we cannot write, fails here, before any removal.
        Directory.CreateDirectory(worker.Paths.ArchiveFolder, FileModes.Folder);
        var partial = new ResourceId(ResourceKinds.File, final + ".partial");
        var dump = new ResourceId(ResourceKinds.File, final + ".sql.partial");
        await StartOverAsync(context, partial);
        await StartOverAsync(context, dump);
        if (hasDatabase)
        {
            await AtomicFile.WriteAsync(dump.Identifier, ReadOnlyMemory<byte>.Empty, FileModes.OwnerOnly, token);
            await database.DumpDatabaseAsync(layout.Database, dump.Identifier, token);
        }

        var header = new ArchiveManifest(ArchiveManifest.CurrentFormat, layout.Name, context.Instance.Hostname, context.Instance.Aliases,
            context.Instance.Release, context.Instance.BackendEmail, hasDatabase ? layout.Database : null, context.TimeProvider.GetUtcNow(),
            context.Job.JobId, [], [], []);
        var written = await writer.WriteAsync(partial.Identifier, tree, hasDatabase ? dump.Identifier : null, header, token);
        var verified = await reader.VerifyAsync(partial.Identifier, token);
        if (verified.Files.Count != written.Files.Count)
        {
            throw new ArchiveInvalidException(partial.Identifier, $"it holds {verified.Files.Count} files, {written.Files.Count} were written");
        }

        File.Delete(dump.Identifier);
        await context.RecordRemovedAsync(dump);
        File.Move(partial.Identifier, final, overwrite: false);
        NativeFileSystem.FlushDirectory(Path.GetDirectoryName(final)!);
        await context.RecordRemovedAsync(partial);
        await FinishAsync(context, final, verified);
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => FileResources.DeleteAsync(resource, Name);

    private static async Task<string> FinalPathAsync(StepContext context, WorkerOptions worker)
    {
        if (context.Notes.Get(PathNote) is { } noted)
        {
            return noted;
        }

        // Chosen once and journaled: a resumed attempt finishes the same archive instead of starting a second one.
        var stamp = context.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetFullPath(worker.Paths.ArchiveFolder),
            $"{context.Instance.Name}-{stamp}-job{context.Job.JobId.ToString(CultureInfo.InvariantCulture)}.tar.gz");
        await context.Notes.SetAsync(PathNote, path);
        return path;
    }

    private static async Task StartOverAsync(StepContext context, ResourceId resource)
    {
        if (context.ClaimOf(resource) is ResourceClaim.None or ResourceClaim.Removed)
        {
            if (Path.Exists(resource.Identifier))
            {
                throw new ResourceNotOwnedException(resource);
            }

            await context.RecordIntentAsync(resource);
            return;
        }

        File.Delete(resource.Identifier); // an unfinished file of an earlier attempt of this job
    }

    private static async Task FinishAsync(StepContext context, string final, ArchiveManifest manifest)
    {
        await context.ReportArchivePathAsync(final);
        var bytes = manifest.Files.Sum(f => f.Size);
        var skipped = manifest.Skipped ?? [];
        context.Summary = $"archive {final}: {manifest.Files.Count} files ({bytes} bytes), {(manifest.HasDump ? "with" : "without")} a database dump; "
                          + "every SHA-256 read back and matched"
                          + (skipped.Count == 0 ? "" : $"; skipped {skipped.Count} entries an archive never holds: {string.Join(", ", skipped.Take(MaxListed))}"
                                                       + (skipped.Count > MaxListed ? $" and {skipped.Count - MaxListed} more (listed in the archive's manifest)" : ""));
    }
}
