using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using CentralDispatch.Worker.Tests.Deploy;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Back-out without a journal on the real sandbox: exactly the resources carrying the instance's tag are removed.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class BackOutTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Deploy_TagsEveryResourceWithTheInstance()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "tag"));
        var layout = worker.Layout(instance);
        var tag = OwnershipTag.Of(instance.Name);

        Assert.True(OwnershipTag.FileCarriesTag(layout.VirtualHostFile, instance.Name));
        Assert.All(new[] { layout.Certificates.CertificateFile, layout.Certificates.KeyFile }, f => Assert.True(OwnershipTag.FileCarriesTag(f, instance.Name), f));
        Assert.Equal(tag, (await File.ReadAllTextAsync(layout.OwnerMarkerFile)).Trim());
        Assert.Equal(tag, await worker.Database.DatabaseCommentAsync(layout.Database, CancellationToken.None));
        Assert.Equal(instance.Name, (await InstanceSecrets.ReadAsync(layout.SecretsFile, CancellationToken.None))!.Instance);
        Assert.StartsWith(layout.ReleasesFolder + "/", layout.LiveTree(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackOut_WithoutJournal_RemovesEverythingTaggedOfTheInstance_AndListsWhatWasNotThere()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "bo"));
        var layout = worker.Layout(instance);
        await worker.Crontab.RemoveAsync(layout.CronTag, CancellationToken.None);
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.BackOut);
        var events = new RecordingSink();

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.BackOut), job, events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
        Assert.Contains(events.Events, e => e.Step == DeployStepNames.Cron && e.Phase == StepPhase.Succeeded
                                            && e.Message == $"not there: cron:{layout.CronTag}");
        Assert.Contains(events.Events, e => e.Step == DeployStepNames.Database && e.Phase == StepPhase.RolledBack
                                            && e.Message == $"removed database:{layout.Database}");
        Assert.Equal(404, (await Sites.ProbeAsync(worker, instance)).StatusCode);
    }

    [Fact]
    public async Task BackOut_WithoutJournal_NeverTouchesWhatHasTheInstancesNamesButNotItsTag()
    {
        var instance = SandboxWorkerFixture.NewInstance(prefix: "foreign");
        var layout = worker.Layout(instance);
        await worker.Database.CreateDatabaseAsync(layout.Database, CancellationToken.None);
        await worker.Database.CreateUserAsync(layout.DatabaseUser, "someone-elses-password", CancellationToken.None);
        Directory.CreateDirectory(layout.Webroot);
        await File.WriteAllTextAsync(Path.Combine(layout.Webroot, "index.html"), "someone else's site");
        await File.WriteAllTextAsync(layout.VirtualHostFile, "# a vhost written by hand\n");
        await File.WriteAllTextAsync(layout.Certificates.CertificateFile, "-----BEGIN CERTIFICATE-----\n");
        var other = new CrontabScenarioLine(worker.Crontab, $"centraldispatch:{instance.Name}x");
        await other.AddAsync();
        var before = await Leftovers.ScanAsync(worker, instance);
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.BackOut);
        var events = new RecordingSink();
        try
        {
            var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.BackOut), job, events);

            Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
            Assert.Equal(before, await Leftovers.ScanAsync(worker, instance, job.JobId));
            Assert.True(await other.ExistsAsync());
            Assert.Equal("someone else's site", await File.ReadAllTextAsync(Path.Combine(layout.Webroot, "index.html")));
            var untouched = string.Join(" ", events.Events.Select(e => e.Message));
            Assert.Contains($"not ours, left untouched: database:{layout.Database}", untouched, StringComparison.Ordinal);
            Assert.Contains($"dbuser:{layout.DatabaseUser}", untouched, StringComparison.Ordinal);
            Assert.Contains($"link:{layout.Webroot}", untouched, StringComparison.Ordinal);
            Assert.Contains($"file:{layout.VirtualHostFile}", untouched, StringComparison.Ordinal);
            Assert.DoesNotContain(events.Events, e => e.Phase == StepPhase.RolledBack);
        }
        finally
        {
            await worker.Database.DropDatabaseIfExistsAsync(layout.Database, CancellationToken.None);
            await worker.Database.DropUserIfExistsAsync(layout.DatabaseUser, CancellationToken.None);
            Directory.Delete(layout.Webroot, recursive: true);
            File.Delete(layout.VirtualHostFile);
            File.Delete(layout.Certificates.CertificateFile);
            await other.RemoveAsync();
        }
    }

    [Fact]
    public async Task BackOut_WithoutJournal_ThatCannotRemoveSomething_EndsNeedsAttention_ListingIt()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "bona"));
        var layout = worker.Layout(instance);
        var plan = worker.PlanFor(JobKind.BackOut, s => s.Name == DeployStepNames.Webroot ? new FailingUndoStep(s) : s);
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.BackOut);

        var result = await worker.RunAndAcknowledgeAsync(plan, job);

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        Assert.Equal([new ResourceId(ResourceKinds.Link, layout.Webroot), new ResourceId(ResourceKinds.Directory, layout.ReleasesFolder)], result.Leftovers.Select(l => l.Resource));
        Assert.All(result.Leftovers, l => Assert.Contains(FailingUndoStep.Message, l.Reason, StringComparison.Ordinal));
        Assert.Equal(["webroot " + layout.Webroot, "releases folder " + layout.ReleasesFolder, "journal " + worker.Journals.PathOf(job.JobId)],
            await Leftovers.ScanAsync(worker, instance, job.JobId));

        var again = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.BackOut), SandboxWorkerFixture.JobFor(instance, JobKind.BackOut));
        Assert.Equal(PlanOutcome.Succeeded, again.Outcome);
        File.Delete(worker.Journals.PathOf(job.JobId));
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }
}
