using System.Net;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>The lease around a running job: first heartbeat before any step, cancel requests, a lease lost to the reaper.</summary>
public sealed class LeaseTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _dispatcher = fixture.Host;

    [Fact]
    public async Task NoStepRuns_BeforeTheFirstHeartbeatSucceeded()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var heartbeatsOkAtFirstStep = -1;
        var journalAtFirstHeartbeatFailure = true;
        var gate = agent.Gate("Preflight", _ => heartbeatsOkAtFirstStep = agent.Recorder.Count("heartbeat", 200));
        agent.Plans.Use(gate);
        var (instance, jobId) = await agent.QueueDeployAsync();
        var failed = 0;
        agent.Recorder.Intercept = (call, _) =>
        {
            if (call == "heartbeat" && Interlocked.Increment(ref failed) == 1)
            {
                journalAtFirstHeartbeatFailure = File.Exists(agent.Journals.PathOf(jobId));
                return Task.FromResult<HttpResponseMessage?>(TrafficRecorder.Status(HttpStatusCode.ServiceUnavailable));
            }

            return Task.FromResult<HttpResponseMessage?>(null);
        };

        agent.StartDaemon();
        await Eventually.TrueAsync(() => agent.Recorder.Count("heartbeat", 503) == 1, "the first heartbeat failed");
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromMilliseconds(250), () => gate.Entries == 1, "the step started");
        gate.Open();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetJobAsync(jobId)).State == JobState.Succeeded, "job Succeeded");

        Assert.False(journalAtFirstHeartbeatFailure);
        Assert.Equal(1, heartbeatsOkAtFirstStep);
        Assert.Equal("heartbeat", agent.Recorder.Log.First(e => e.Call != "hello" && e.Call != "claim").Call);
    }

    [Fact]
    public async Task CancelRequested_MidJob_RollsBack_AndTheJobEndsCancelled()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var gate = agent.Gate("Webroot");
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), gate);
        var (instance, jobId) = await agent.QueueDeployAsync();
        await agent.StartUntilInsideAsync(gate);

        await agent.Admin.CancelJobAsync(jobId);
        // The agent learns of it with its next heartbeat.
        await Eventually.AdvanceUntilAsync(agent.Clock, AgentHarness.HeartbeatInterval, () => gate.Cancellations == 1, "the step cancelled");
        var job = await agent.FinishedJobAsync(jobId);
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Empty(agent.Host.Existing);
        Assert.Contains("Database:RolledBack", job.Steps.Select(s => $"{s.Step}:{s.Phase}"));
        Assert.Equal(InstanceState.Failed, (await agent.Admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task LeaseLost_StopsTheJob_RollsItBack_AndReportsNothingUnderTheLostLease()
    {
        await using var dispatcher = await DispatcherTestHost.StartAsync(new() { FakeTime = true });
        await using var agent = await AgentHarness.CreateAsync(dispatcher);
        var gate = agent.Gate("Webroot");
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), gate);
        var (instance, jobId) = await agent.QueueDeployAsync();
        await agent.StartUntilInsideAsync(gate);

        // The worker looks dead to the dispatcher: its lease expires and the reaper hands the job back (attempt 2).
        dispatcher.Time!.Advance(TimeSpan.FromSeconds(61));
        await dispatcher.SweepAsync();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetJobAsync(jobId)).Attempt == 2, "job requeued");
        // The next heartbeat of attempt 1 gets 409: it stops and rolls back.
        await Eventually.AdvanceUntilAsync(agent.Clock, AgentHarness.HeartbeatInterval, () => gate.Cancellations == 1, "attempt 1 stopped");
        var job = await agent.FinishedJobAsync(jobId);
        var completions = agent.Recorder.Log.Where(e => e.Call == "complete")
            .Select(e => System.Text.Json.JsonSerializer.Deserialize<CompleteRequest>(e.Body!, Core.Json.CoreJson.Options)!).ToList();
        Assert.Equal(409, agent.Recorder.Log.Last(e => e.Call == "heartbeat" && e.Status != 200).Status);
        Assert.All(completions, c => Assert.Equal(2, c.Attempt));
        // Attempt 2 ran no step again: it reported what the journal recorded (attempt 1 rolled back, cancelled).
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal(1, gate.Entries);
        Assert.Equal(1, agent.Host.CreationsOf(new ResourceId("database", "cd_shop")));
        Assert.Empty(agent.Host.Existing);
    }

    [Fact]
    public async Task HeartbeatsFailingUntilTheLeaseMustHaveExpired_StopTheJob_AndReportNothing()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var gate = agent.Gate("Webroot");
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), gate);
        var (_, jobId) = await agent.QueueDeployAsync();
        await agent.StartUntilInsideAsync(gate);

        agent.Recorder.Intercept = TrafficRecorder.Drop("heartbeat");
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromSeconds(1), () => gate.Cancellations == 1, "the job stopped");
        await Eventually.TrueAsync(async () => (await agent.Journals.ReadAsync(jobId, CancellationToken.None))?.Phase == JournalPhase.Finished,
            "rollback finished");

        var failed = agent.Recorder.Log.Where(e => e.Call == "heartbeat" && e.Status is null).ToList();
        var lastOk = agent.Recorder.Log.Last(e => e.Call == "heartbeat" && e.Status == 200);
        Assert.True(failed.Count > 1, "the heartbeat was retried");
        // Given up only once a whole lease had passed since the last renewal was sent.
        Assert.True(agent.Clock.GetUtcNow() - lastOk.SentAt >= TimeSpan.FromSeconds(60));
        Assert.Equal(0, agent.Recorder.Count("complete"));
        Assert.Empty(agent.Host.Existing);
        Assert.Equal(JobState.Running, (await agent.Admin.GetJobAsync(jobId)).State);
    }
}
