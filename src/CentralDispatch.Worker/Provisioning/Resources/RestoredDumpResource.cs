using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// A restore's database: the archived SQL dump loaded into the new, empty database (declared after
/// <see cref="DatabaseResource"/>), from a journaled copy in the root-only secrets folder, logged in as the instance's
/// own user in the client's sandbox mode (<see cref="DumpLoader"/>): the dump comes from a database the tenant's
/// application wrote, so it gets no more power than that application has. The copy is the resource: it is removed
/// once loaded, and by whatever ends a job killed while loading it (the next attempt, a rollback, a back-out). Nothing
/// to do for a plain deploy; never looked for by name.
/// </summary>
public sealed class RestoredDumpResource(IOptions<WorkerOptions> options, DumpLoader loader, ArchiveReader archives) : PathResource(options)
{
    public override string Kind => ResourceKinds.File;

    protected override string Noun => "the copy of the database dump to restore";

    public override TimeSpan? Timeout => TimeSpan.FromHours(1);

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [];

    public override async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RestoreArchive.Of(context, Worker) is not { } archive)
        {
            return;
        }

        var layout = Layout(context);
        var manifest = await archives.VerifyAsync(archive, context.CancellationToken);
        if (!manifest.HasDump)
        {
            context.Summary = $"the archive holds no database dump: {layout.Database} starts empty";
            return;
        }

        // mariadb-dump's DROP TABLE IF EXISTS makes a second load (resume) safe, from a fresh copy.
        var dump = CopyOf(context);
        if (context.ClaimOf(dump) is ResourceClaim.None or ResourceClaim.Removed)
        {
            await context.RecordIntentAsync(dump);
        }

        File.Delete(dump.Identifier);
        try
        {
            var token = context.CancellationToken;
            var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, token)
                          ?? throw new InvalidOperationException($"The secrets file {layout.SecretsFile} vanished: the dump cannot be loaded as {layout.DatabaseUser}.");
            await CreateAsync(dump, context);
            var definers = await loader.LoadAsync(layout.Database, layout.DatabaseUser, secrets.DatabasePassword, dump.Identifier, token);
            context.Summary = $"loaded the database dump of {manifest.Instance} ({manifest.Database}) from {archive} as {layout.DatabaseUser}, "
                              + $"in sandbox mode; {definers.Describe(DumpLoader.DefinerOf(layout.DatabaseUser))}";
        }
        finally
        {
            File.Delete(dump.Identifier);
        }

        await context.RecordRemovedAsync(dump);
    }

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(Found(resource, ours: false, "only the job that copied it removes it"));
    }

    /// <summary>Extracts the archive's dump to the copy's path (0600 in the secrets folder: it holds the instance's data).</summary>
    protected override Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var archive = RestoreArchive.Of(context, Worker) ?? throw new InvalidOperationException("The job restores from no archive.");
        return archives.ExtractFileAsync(archive, ArchiveManifest.DumpEntry, resource.Identifier, context.CancellationToken);
    }

    public override Task RemoveAsync(ResourceId resource, StepContext context) => PathEntry.DeleteFileAsync(resource.Identifier);

    private ResourceId CopyOf(StepContext context) => new(Kind,
        Path.Combine(Worker.Paths.SecretsFolder, $".restore-{context.Instance.Name}-job{context.Job.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.sql"));
}
