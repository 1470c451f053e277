using System.Net;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>Getting a job's result to the dispatcher: retries, and what happens when it cannot be delivered.</summary>
public sealed class ReportingTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _dispatcher = fixture.Host;

    [Fact]
    public async Task Complete_IsRetried_AfterATransientFailure()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new UrlStep());
        var (instance, jobId) = await agent.QueueDeployAsync();
        var answered = 0;
        agent.Recorder.Intercept = (call, _) => Task.FromResult(call == "complete" && Interlocked.Increment(ref answered) == 1
            ? TrafficRecorder.Status(HttpStatusCode.ServiceUnavailable)
            : null);

        agent.StartDaemon();
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromMilliseconds(250),
            async () => (await agent.Admin.GetJobAsync(jobId)).State.IsFinished(), "job finished");

        Assert.Equal(JobState.Succeeded, (await agent.Admin.GetJobAsync(jobId)).State);
        Assert.Equal([503, 200], agent.Recorder.Log.Where(e => e.Call == "complete").Select(e => e.Status));
        Assert.Equal(InstanceState.Active, (await agent.Admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task UnreportedResult_FailsTheOnceRun_AndIsReportedByTheNextStart()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new UrlStep());
        var (instance, jobId) = await agent.QueueDeployAsync();
        agent.Recorder.Intercept = TrafficRecorder.Drop("complete");

        var first = agent.RunOnceAsync();
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromSeconds(2), () => first.IsCompleted, "the once run gave up reporting");
        var journal = await agent.Journals.ReadAsync(jobId, CancellationToken.None);
        var tries = agent.Recorder.Count("complete");
        agent.Recorder.Intercept = null;
        var second = await agent.RunOnceAsync();

        Assert.Equal(AgentExitCodes.Unreachable, await first);
        Assert.True(tries > 1, $"complete was tried {tries} time(s)");
        Assert.Equal(JournalPhase.Finished, journal!.Phase);
        Assert.Equal(AgentExitCodes.Success, second);
        Assert.Equal(JobState.Succeeded, (await agent.Admin.GetJobAsync(jobId)).State);
        Assert.Equal(UrlStep.UrlOf(instance.Hostname).AbsoluteUri, (await agent.Admin.GetInstanceAsync(instance.Name)).Url);
        Assert.False(File.Exists(agent.Journals.PathOf(jobId)));
    }
}
