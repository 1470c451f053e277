using System.Collections.Concurrent;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Redeploy;
using CentralDispatch.Worker.Tests.Deploy;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Redeploy on the real sandbox: the switch is atomic for visitors, and a failure leaves the old release live.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class RedeployTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Redeploy_NeverAnswersAnErrorToAProbeEvery50ms_AndServesTheNewRelease()
    {
        var first = Releases.Create(worker, "one");
        var second = Releases.Create(worker, "two");
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: first, prefix: "red"));
        var layout = worker.Layout(instance);
        var oldTree = layout.LiveTree();
        var answers = new ConcurrentQueue<(int? Status, string? Body)>();
        using var stop = new CancellationTokenSource();
        var prober = ProbeEvery50MsAsync(instance, answers, stop.Token);

        // Enough probes before and after: the switch happens while the prober runs.
        await Eventually.TrueAsync(() => answers.Count >= 5, "five probes before the redeploy");
        var job = RedeployOf(instance, second);
        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Redeploy), job);
        var count = answers.Count;
        await Eventually.TrueAsync(() => answers.Count >= count + 5, "five probes after the redeploy");
        await stop.CancelAsync();
        await prober;

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.All(answers, a => Assert.True(a.Status is >= 200 and < 400, $"a probe got {a.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}"));
        Assert.Contains(answers, a => a.Body?.Contains($"release {first}", StringComparison.Ordinal) == true);
        Assert.Contains(answers, a => a.Body?.Contains($"release {second}", StringComparison.Ordinal) == true);
        var served = await Sites.ProbeAsync(worker, instance);
        Assert.Contains($"release {second}", served.Body, StringComparison.Ordinal);
        Assert.Equal(layout.TreeFor(second, job.JobId), layout.LiveTree());
        Assert.False(Directory.Exists(oldTree));
        Assert.True(File.Exists(layout.ConfigFile));
    }

    [Fact]
    public async Task Redeploy_FailingItsHealthCheckAfterTheSwitch_ServesTheOldReleaseAgain_AndRemovesTheNewTree()
    {
        var first = Releases.Create(worker, "good");
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: first, prefix: "redf"));
        var layout = worker.Layout(instance);
        var oldTree = layout.LiveTree();
        var plan = worker.PlanFor(JobKind.Redeploy);
        var job = RedeployOf(instance, Releases.CreateBroken(worker));
        var events = new Provisioning.RecordingSink();

        var result = await worker.RunAndAcknowledgeAsync(plan, job, events);
        var served = await Sites.ProbeAsync(worker, instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.HealthCheck, result.FailedStep);
        Assert.Contains($"{SwitchStep.StepName}:Succeeded", events.Phases);
        Assert.True(served.Succeeded, served.Failure);
        Assert.Contains($"release {first}", served.Body, StringComparison.Ordinal);
        Assert.Equal(oldTree, layout.LiveTree());
        Assert.Equal(oldTree, Assert.Single(Directory.GetDirectories(layout.ReleasesFolder)));
    }

    [Fact]
    public async Task Redeploy_ToAReleaseNotOnTheHost_FailsItsPreflight_AndChangesNothing()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "redp"));
        var layout = worker.Layout(instance);
        var oldTree = layout.LiveTree();

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Redeploy), RedeployOf(instance, "no-such-release"));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Contains("no-such-release", result.Message, StringComparison.Ordinal);
        Assert.Equal(oldTree, layout.LiveTree());
    }

    [Fact]
    public async Task Redeploy_ReportsTheNewRelease()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "redr"));
        var release = Releases.Create(worker, "rep");
        var job = RedeployOf(instance, release);

        var result = await worker.Runner.RunAsync(worker.PlanFor(JobKind.Redeploy), job, new Provisioning.RecordingSink(), Worker.Provisioning.Engine.JobCancellation.None);
        var notes = (await worker.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Notes;
        await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);

        Assert.Equal(PlanOutcome.Succeeded, result.Outcome);
        Assert.Equal(release, JobFacts.FromNotes(notes)!.Release);
    }

    private static ProvisioningJob RedeployOf(InstancePayload instance, string release) =>
        SandboxWorkerFixture.JobFor(instance, JobKind.Redeploy, new JobPayloadParameters(Release: release));

    private Task ProbeEvery50MsAsync(InstancePayload instance, ConcurrentQueue<(int? Status, string? Body)> answers, CancellationToken stop) => Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await WaitAsync(timer, stop))
        {
            var answer = await Sites.ProbeAsync(worker, instance);
            answers.Enqueue((answer.StatusCode, answer.Body));
        }
    });

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
