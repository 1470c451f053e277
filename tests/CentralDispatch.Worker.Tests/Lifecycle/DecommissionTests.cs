using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Tests.Deploy;
using CentralDispatch.Worker.Tests.Provisioning;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>The Decommission plan on the real sandbox: archive first, verified, then removal in back-out order.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class DecommissionTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Decommission_LeavesAnArchiveWithTheWebrootAndTheSqlDump_AndNothingElseOfTheInstance()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "dec"));
        var layout = worker.Layout(instance);
        await Rows.WriteAsync(worker, layout.Database, "Ada", "Grace");
        var upload = Path.Combine(layout.Webroot, "uploads", "invoice-17.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        await File.WriteAllTextAsync(upload, "paid in full");
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);
        var events = new RecordingSink();

        var result = await worker.Runner.RunAsync(worker.PlanFor(JobKind.Decommission), job, events, JobCancellation.None);
        var archive = (await worker.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Notes[JobFacts.ArchivePathNote];
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        var reader = worker.Services.GetRequiredService<ArchiveReader>();
        var manifest = await reader.VerifyAsync(archive, CancellationToken.None);
        Assert.Equal(instance.Name, manifest.Instance);
        Assert.Contains(manifest.Files, f => f.Path == "webroot/index.html");
        Assert.Contains(manifest.Files, f => f.Path == "webroot/uploads/invoice-17.txt");
        Assert.DoesNotContain(manifest.Files, f => f.Path.EndsWith("/.env", StringComparison.Ordinal)); // the config file is outside the tree, and re-rendered at a restore
        Assert.True(manifest.HasDump);
        var dump = Path.Combine(worker.DataFolder, $"dump-{job.JobId}.sql");
        await reader.ExtractFileAsync(archive, ArchiveManifest.DumpEntry, dump, CancellationToken.None);
        var sql = await File.ReadAllTextAsync(dump);
        File.Delete(dump);
        Assert.Contains("CREATE TABLE `customers`", sql, StringComparison.Ordinal);
        Assert.Contains("'Grace'", sql, StringComparison.Ordinal);
        var site = await Sites.ProbeAsync(worker, instance);
        Assert.Equal(404, site.StatusCode);
        // Removal order is the back-out order: cron first, the database user (and its secrets) last.
        var removed = events.Events.Where(e => e.Phase == StepPhase.RolledBack).Select(e => e.Step).ToList();
        Assert.Equal([DeployStepNames.Cron, DeployStepNames.EnableSite, DeployStepNames.VirtualHost, DeployStepNames.Certificates,
            DeployStepNames.Webroot, DeployStepNames.Database, DeployStepNames.DatabaseUser], removed);
        Assert.Contains(events.Events, e => e.Step == ArchiveStep.StepName && e.Phase == StepPhase.Succeeded && e.Message!.Contains("matched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decommission_OfATreeWithAFifoAndLinksOutside_SkipsAndListsThem_InsteadOfFailing()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "decsk"));
        var live = worker.Layout(instance).LiveTree()!;
        Assert.Equal(0, Fifo.Make(Path.Combine(live, "pipe")));
        File.CreateSymbolicLink(Path.Combine(live, "passwd"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(live, "zero"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(live, "up"), "../../..");
        File.CreateSymbolicLink(Path.Combine(live, "home.html"), "index.html");
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);
        var events = new RecordingSink();

        var result = await worker.Runner.RunAsync(worker.PlanFor(JobKind.Decommission), job, events, JobCancellation.None);
        var archive = (await worker.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Notes[JobFacts.ArchivePathNote];
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var summary = events.Events.Single(e => e.Step == ArchiveStep.StepName && e.Phase == StepPhase.Succeeded).Message!;
        Assert.Contains("skipped 4 entries", summary, StringComparison.Ordinal);
        Assert.Contains("webroot/pipe (a FIFO, socket or device", summary, StringComparison.Ordinal);
        Assert.Contains("webroot/passwd (a link to '/etc/passwd', outside the tree)", summary, StringComparison.Ordinal);
        var manifest = await worker.Services.GetRequiredService<ArchiveReader>().VerifyAsync(archive, CancellationToken.None);
        Assert.Equal(["webroot/home.html"], manifest.Links.Select(l => l.Path));
        Assert.Equal(4, manifest.Skipped!.Count);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Decommission_WhoseArchiveFolderIsNotWritable_RemovesNothing()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "decro"));
        var before = await Leftovers.ScanAsync(worker, instance);
        var folder = worker.Options.Paths.ArchiveFolder;
        var aside = folder + ".aside";
        // A file where the folder should be: no one, root included, can create an archive inside it.
        Directory.Move(folder, aside);
        await File.WriteAllTextAsync(folder, "not a folder");
        PlanResult result;
        long jobId;
        try
        {
            var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);
            jobId = job.JobId;
            result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Decommission), job);
        }
        finally
        {
            File.Delete(folder);
            Directory.Move(aside, folder);
        }

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(ArchiveStep.StepName, result.FailedStep);
        Assert.Equal(before, await Leftovers.ScanAsync(worker, instance, jobId));
        Assert.Empty(Directory.GetFiles(folder, $"{instance.Name}-*"));
        var site = await Sites.ProbeAsync(worker, instance);
        Assert.True(site.Succeeded, site.Failure);
    }

    [Fact]
    public async Task Decommission_FailingToRemoveSomething_EndsNeedsAttention_ListingIt_WithTheArchiveKept()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "decna"));
        var layout = worker.Layout(instance);
        var plan = worker.PlanFor(JobKind.Decommission, s => s.Name == DeployStepNames.Database ? new FailingUndoStep(s) : s);
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);

        var result = await worker.Runner.RunAsync(plan, job, new RecordingSink(), JobCancellation.None);
        var journal = await worker.Journals.ReadAsync(job.JobId, CancellationToken.None);
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        var leftover = Assert.Single(result.Leftovers);
        Assert.Equal(new ResourceId(ResourceKinds.Database, layout.Database), leftover.Resource);
        Assert.True(File.Exists(journal!.Notes[JobFacts.ArchivePathNote]));
        Assert.Equal(["journal " + worker.Journals.PathOf(job.JobId), $"database {layout.Database}"], await Leftovers.ScanAsync(worker, instance, job.JobId));

        // The back-out rolls back the kept journal with the Decommission plan, which knows its steps.
        var backOut = SandboxWorkerFixture.JobFor(instance, JobKind.BackOut);
        var backedOut = await worker.Runner.RollBackAsync(worker.PlanFor(JobKind.Decommission), backOut, job.JobId, new RecordingSink(), "test back-out",
            CancellationToken.None);
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);
        Assert.Equal(PlanOutcome.RolledBack, backedOut.Outcome);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }
}
