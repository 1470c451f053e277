using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Suspend;
using CentralDispatch.Worker.Tests.Deploy;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Suspend and resume on the real sandbox: 503 from the site's own vhost and an inactive cron line, then back.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class SuspendResumeTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Suspend_Answers503WithTheMaintenancePage_AndTheCronLineIsInactive_ResumeAnswers200Again()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "sus"));
        var layout = worker.Layout(instance);
        var vhostBefore = await File.ReadAllTextAsync(layout.VirtualHostFile);

        var suspended = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Suspend), SandboxWorkerFixture.JobFor(instance, JobKind.Suspend));
        var whileSuspended = await Sites.ProbeAsync(worker, instance);
        var cronWhileSuspended = await CronLineAsync(layout.CronTag);
        var resumed = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Resume), SandboxWorkerFixture.JobFor(instance, JobKind.Resume));
        var afterResume = await Sites.ProbeAsync(worker, instance);

        Assert.True(suspended.Outcome == PlanOutcome.Succeeded, $"{suspended.FailedStep}: {suspended.Message}");
        Assert.Equal(503, whileSuspended.StatusCode);
        Assert.Contains(MaintenanceMode.PageTitle, whileSuspended.Body, StringComparison.Ordinal);
        Assert.True(File.Exists(layout.VirtualHostFile));
        Assert.True(CrontabLines.IsSuspended(cronWhileSuspended));
        Assert.True(resumed.Outcome == PlanOutcome.Succeeded, $"{resumed.FailedStep}: {resumed.Message}");
        Assert.True(afterResume.Succeeded, afterResume.Failure);
        Assert.False(CrontabLines.IsSuspended(await CronLineAsync(layout.CronTag)));
        Assert.Equal(vhostBefore, await File.ReadAllTextAsync(layout.VirtualHostFile));
        Assert.Equal(worker.ApachePid, worker.CurrentApachePid());
    }

    [Fact]
    public async Task SuspendAndResume_AreIdempotent()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "idem"));
        var layout = worker.Layout(instance);

        await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Suspend), SandboxWorkerFixture.JobFor(instance, JobKind.Suspend));
        var vhostSuspended = await File.ReadAllTextAsync(layout.VirtualHostFile);
        var events = new RecordingSink();
        var again = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Suspend), SandboxWorkerFixture.JobFor(instance, JobKind.Suspend), events);

        Assert.Equal(PlanOutcome.Succeeded, again.Outcome);
        Assert.Equal(vhostSuspended, await File.ReadAllTextAsync(layout.VirtualHostFile));
        Assert.Equal(CrontabLines.SuspendedPrefix + CrontabLines.Resume(await CronLineAsync(layout.CronTag)), await CronLineAsync(layout.CronTag));
        Assert.Contains(events.Events, e => e.Step == MaintenanceStep.StepName && e.Message == "the site already answers with its maintenance page");
        Assert.Equal(503, (await Sites.ProbeAsync(worker, instance)).StatusCode);

        await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Resume), SandboxWorkerFixture.JobFor(instance, JobKind.Resume));
        var resumedTwice = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Resume), SandboxWorkerFixture.JobFor(instance, JobKind.Resume));

        Assert.Equal(PlanOutcome.Succeeded, resumedTwice.Outcome);
        Assert.True((await Sites.ProbeAsync(worker, instance)).Succeeded);
        Assert.False(CrontabLines.IsSuspended(await CronLineAsync(layout.CronTag)));
    }

    [Fact]
    public async Task Suspend_FailingAtItsCheck_RollsBack_SoTheSiteAnswers200AndItsCronLineIsActive()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "susf"));
        var layout = worker.Layout(instance);
        var vhostBefore = await File.ReadAllTextAsync(layout.VirtualHostFile);
        var plan = worker.PlanFor(JobKind.Suspend, s => s.Name == MaintenanceCheckStep.StepName ? new FailAfterApplyStep(s) : s);

        var result = await worker.RunAndAcknowledgeAsync(plan, SandboxWorkerFixture.JobFor(instance, JobKind.Suspend));
        var site = await Eventually.GetAsync(() => Sites.ProbeAsync(worker, instance), r => r.Succeeded);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(MaintenanceCheckStep.StepName, result.FailedStep);
        Assert.True(site.Succeeded, site.Failure);
        Assert.Equal(vhostBefore, await File.ReadAllTextAsync(layout.VirtualHostFile));
        Assert.False(CrontabLines.IsSuspended(await CronLineAsync(layout.CronTag)));
    }

    [Fact]
    public async Task Decommission_OfASuspendedInstance_ArchivesAndRemovesIt()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "susdec"));
        await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Suspend), SandboxWorkerFixture.JobFor(instance, JobKind.Suspend));
        var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Decommission), job);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
        Assert.False(await worker.Crontab.HasTagAsync(worker.Layout(instance).CronTag, CancellationToken.None));
    }

    private async Task<string> CronLineAsync(string tag) =>
        Assert.Single(await worker.Crontab.ListAsync(CancellationToken.None), l => CrontabLines.HasTag(l, tag));
}
