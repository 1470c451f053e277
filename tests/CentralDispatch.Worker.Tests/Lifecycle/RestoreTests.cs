using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Deploy;
using CentralDispatch.Worker.Tests.Provisioning;
using CentralDispatch.Worker.Tests.Support;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Restore on the real sandbox: a Deploy whose webroot and database come from a decommissioned instance's archive.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class RestoreTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Restore_UnderTheSameName_ServesTheArchivedFiles_AndItsDatabaseHoldsTheArchivedRowsAndObjects()
    {
        var (instance, archive) = await DecommissionedAsync("rst");
        var events = new RecordingSink();

        var result = await RestoreAsync(instance, archive, events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var served = await Sites.ProbeAsync(worker, instance);
        Assert.True(served.Succeeded, served.Failure);
        Assert.Contains($"customised by {instance.Name}", served.Body, StringComparison.Ordinal);
        var layout = worker.Layout(instance);
        Assert.Equal(["Ada", "Grace"], await Rows.ReadAsync(worker, layout.Database));
        (await UseAsInstanceAsync(instance)).AssertRestoredFor(layout.DatabaseUser);
        var loaded = events.Events.Single(e => e is { Step: DeployStepNames.Database, Phase: StepPhase.Succeeded }).Message;
        Assert.Contains($"as {layout.DatabaseUser}, in sandbox mode; {SampleSchema.Objects.Length} DEFINER clauses set to `{layout.DatabaseUser}`@`localhost`", loaded,
            StringComparison.Ordinal);
        Assert.True(File.Exists(archive));
    }

    [Fact]
    public async Task Restore_UnderANewNameAndHostname_ServesTheArchivedFiles_WithTheArchivedRowsAndObjectsInItsOwnDatabase()
    {
        var (original, archive) = await DecommissionedAsync("rstold");
        var copy = SandboxWorkerFixture.NewInstance(prefix: "rstnew");

        var result = await RestoreAsync(copy, archive);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var served = await Sites.ProbeAsync(worker, copy);
        Assert.True(served.Succeeded, served.Failure);
        Assert.Contains($"customised by {original.Name}", served.Body, StringComparison.Ordinal);
        var layout = worker.Layout(copy);
        Assert.Equal(["Ada", "Grace"], await Rows.ReadAsync(worker, layout.Database));
        (await UseAsInstanceAsync(copy)).AssertRestoredFor(layout.DatabaseUser);
        var config = await File.ReadAllTextAsync(layout.ConfigFile);
        Assert.Contains($"DB_DATABASE={layout.Database}", config, StringComparison.Ordinal);
        Assert.False(await worker.Database.DatabaseExistsAsync(worker.Layout(original).Database, CancellationToken.None));
    }

    /// <summary>
    /// kill -9 while the dump is being loaded leaves its copy (the instance's data) in the secrets folder; when the job
    /// is then rolled back instead of resumed (cancelled while its worker was down, or backed out), the copy must go too.
    /// The crash is what a real run's journal, cut back to the copy's intent record, and the copy on disk leave.
    /// </summary>
    [Fact]
    public async Task Restore_RolledBackAfterTheWorkerDiedWhileLoadingTheDump_RemovesTheDumpCopyWithEverythingElse()
    {
        var (instance, archive) = await DecommissionedAsync("rstkill");
        var job = RestoreJob(instance, archive);
        var failing = worker.PlanFor(JobKind.Deploy, s => s.Name == DeployStepNames.Database ? new FailAfterApplyStep(s) : s);
        Assert.Equal(PlanOutcome.RolledBack, (await worker.Runner.RunAsync(failing, job, new RecordingSink(), JobCancellation.None)).Outcome);
        var journal = worker.Journals.PathOf(job.JobId);
        bool IsDumpCopy(JournalRecord r) => r is { Type: JournalRecordType.Intent, Resource.Kind: ResourceKinds.File }
                                            && Path.GetDirectoryName(r.Resource.Identifier) == worker.Options.Paths.SecretsFolder
                                            && Path.GetFileName(r.Resource.Identifier).StartsWith(".restore-", StringComparison.Ordinal);
        CrashedJournal.KeepThrough(journal, IsDumpCopy);
        var copy = CrashedJournal.Lines(journal).Select(CrashedJournal.Parse).Single(IsDumpCopy).Resource!.Identifier;
        await File.WriteAllTextAsync(copy, "-- the first half of a dump");

        var result = await worker.Runner.RollBackAsync(worker.PlanFor(JobKind.Deploy), job, job.JobId, new RecordingSink(), "backed out",
            CancellationToken.None);
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);

        Assert.True(result.Outcome == PlanOutcome.RolledBack, $"{result.Message}: {string.Join("; ", result.Leftovers)}");
        Assert.False(File.Exists(copy), $"{copy} was left behind");
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Restore_FromATamperedArchive_FailsItsPreflight_AndCreatesNothing()
    {
        var (instance, archive) = await DecommissionedAsync("rstbad");
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length - 64)]);
        var job = RestoreJob(instance, archive);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Deploy), job);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains("is not valid", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Restore_OfAPathOutsideTheArchiveFolder_IsRefused()
    {
        var instance = SandboxWorkerFixture.NewInstance(prefix: "rstout");
        var job = RestoreJob(instance, "/etc/passwd");

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Deploy), job);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Contains("not a file in this worker's archive folder", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    /// <summary>
    /// A dump is the tenant's to write: one with a client command that would run a program on the host runs nothing (it is
    /// loaded in sandbox mode, as the instance's user), and the restore fails in its Database step, naming the line,
    /// with everything it made removed.
    /// </summary>
    [Theory]
    [InlineData("\\! touch {0}")]
    [InlineData("system touch {0}")]
    public async Task Restore_OfADumpWithAShellEscape_RunsNothing_FailsNamingTheLine_AndLeavesNothing(string command)
    {
        var instance = SandboxWorkerFixture.NewInstance(prefix: "rstesc");
        var canary = Path.Combine(Path.GetTempPath(), $"cd-canary-{Guid.NewGuid():N}");
        var archive = await CraftedArchives.WriteAsync(worker.Options.Paths.ArchiveFolder, instance,
            "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100));",
            "INSERT INTO customers VALUES (1, 'Ada');",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, command, canary),
            "INSERT INTO customers VALUES (2, 'Grace');");
        var job = RestoreJob(instance, archive);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Deploy), job);

        Assert.False(File.Exists(canary), $"the dump's command ran: {canary} exists");
        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Database, result.FailedStep);
        Assert.Contains("ERROR at line 3: Not allowed in the sandbox mode", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
        Assert.Empty(Directory.GetFiles(worker.Options.Paths.SecretsFolder, $".restore-{instance.Name}-*"));
    }

    /// <summary>Deploys an instance, fills its database (tables, trigger, views, routines, event) and customises its index page, decommissions it; returns the archive.</summary>
    private async Task<(InstancePayload Instance, string Archive)> DecommissionedAsync(string prefix)
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: prefix));
        var layout = worker.Layout(instance);
        await using (var asInstance = await OpenAsInstanceAsync(instance))
        await using (var asAdmin = await Rows.OpenAsync(worker, layout.Database))
        {
            await SampleSchema.CreateAsync(asInstance, asAdmin);
        }

        await File.WriteAllTextAsync(Path.Combine(layout.Webroot, "index.html"), $"<h1>customised by {instance.Name}</h1>");
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);
        var result = await worker.Runner.RunAsync(worker.PlanFor(JobKind.Decommission), job, new RecordingSink(), JobCancellation.None);
        var archive = (await worker.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Notes[JobFacts.ArchivePathNote];
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);
        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Empty(await Leftovers.ScanAsync(worker, instance));
        return (instance, archive);
    }

    private Task<PlanResult> RestoreAsync(InstancePayload instance, string archive, RecordingSink? events = null) =>
        worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Deploy), RestoreJob(instance, archive), events);

    /// <summary>Uses the restored objects as the application would: logged in as the instance's user, with the password from its secrets file.</summary>
    private async Task<SampleSchemaState> UseAsInstanceAsync(InstancePayload instance)
    {
        await using var connection = await OpenAsInstanceAsync(instance);
        return await SampleSchema.UseAsync(connection);
    }

    private async Task<MySqlConnection> OpenAsInstanceAsync(InstancePayload instance)
    {
        var layout = worker.Layout(instance);
        var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, CancellationToken.None);
        var connection = new MySqlConnection(worker.Database.Server.ConnectionString(layout.DatabaseUser, secrets!.DatabasePassword, layout.Database));
        await connection.OpenAsync();
        return connection;
    }

    private static ProvisioningJob RestoreJob(InstancePayload instance, string archive) =>
        SandboxWorkerFixture.JobFor(instance, JobKind.Deploy, new JobPayloadParameters(RestoreFromArchive: archive));
}
