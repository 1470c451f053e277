using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 2: creates the instance's database (its schema comment is the ownership tag) and grants its user everything on
/// that database only. A restore then loads the archived SQL dump into it, from a journaled copy in the secrets folder,
/// logged in as the instance's own user in the client's sandbox mode (<see cref="DumpLoader"/>): the dump comes from a
/// database the tenant's application wrote, so it gets no more power than that application has.
/// </summary>
public sealed class DatabaseStep(IOptions<WorkerOptions> options, MariaDbAdmin database, DumpLoader loader, ArchiveReader archives) : IProvisioningStep
{
    public string Name => DeployStepNames.Database;

    public TimeSpan? Timeout => TimeSpan.FromHours(1);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        await context.CreateOrAdoptAsync(layout.DatabaseResource,
            ct => database.DatabaseExistsAsync(layout.Database, ct),
            ct => database.CreateDatabaseAsync(layout.Database, OwnershipTag.Of(layout.Name), ct));
        await database.GrantAllOnDatabaseAsync(layout.Database, layout.DatabaseUser, context.CancellationToken);
        if (RestoreArchive.Of(context, worker) is { } archive)
        {
            await LoadDumpAsync(context, worker, layout, archive);
        }
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return database.DatabaseExistsAsync(InstanceLayout.For(context.Instance, options.Value).Database, context.CancellationToken);
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Kind != ResourceKinds.Database)
        {
            // The copy of a restore's dump (the only file this step makes).
            await FileResources.DeleteAsync(resource, Name);
            return;
        }

        await database.DropDatabaseIfExistsAsync(resource.Identifier, context.CancellationToken);
    }

    private async Task LoadDumpAsync(StepContext context, WorkerOptions worker, InstanceLayout layout, string archive)
    {
        var manifest = await archives.VerifyAsync(archive, context.CancellationToken);
        if (!manifest.HasDump)
        {
            context.Summary = $"the archive holds no database dump: {layout.Database} starts empty";
            return;
        }

        // The root-only secrets folder: the dump holds the instance's data. mariadb-dump's DROP TABLE IF EXISTS makes a second load (resume) safe.
        // The copy is journaled like anything the job makes: a worker killed while loading it leaves it behind, and whatever
        // ends the job then (the next attempt, its rollback after a cancel, a back-out) must find it to remove it.
        var dump = new ResourceId(ResourceKinds.File, Path.Combine(worker.Paths.SecretsFolder, $".restore-{layout.Name}-job{context.Job.JobId}.sql"));
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
            await archives.ExtractFileAsync(archive, ArchiveManifest.DumpEntry, dump.Identifier, token);
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
}
