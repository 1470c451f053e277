using System.Net;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

public sealed class AgentProtocolTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _host = fixture.Host;

    [Fact]
    public async Task Claim_LeasesTheJob_AndMovesTheInstanceToDeploying()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);

        var job = await agent.ClaimAsync();

        Assert.NotNull(job);
        Assert.Equal(JobKind.Deploy, job.Kind);
        Assert.Equal(1, job.Attempt);
        Assert.Equal(instance.Name, job.Instance.Name);
        Assert.Equal(InstanceState.Deploying, (await admin.GetInstanceAsync(instance.Name)).State);
        Assert.Equal(JobState.Running, (await admin.GetJobAsync(job.JobId)).State);
        Assert.Null(await agent.ClaimAsync());
    }

    [Fact]
    public async Task Claim_HandsOutTheWorkersJobsOldestFirst()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var first = await admin.CreateInstanceAsync(worker.Name);
        var second = await admin.CreateInstanceAsync(worker.Name);

        var a = await agent.ClaimAsync();
        var b = await agent.ClaimAsync();

        Assert.Equal(first.Name, a!.Instance.Name);
        Assert.Equal(second.Name, b!.Instance.Name);
        Assert.True(a.JobId < b.JobId);
    }

    [Fact]
    public async Task Complete_Succeeded_MakesTheInstanceActive_WithItsUrl()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        await agent.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/events", new EventsRequest(job.Attempt, job.LeaseToken,
        [
            new StepEventReport("Preflight", StepPhase.Started, DateTimeOffset.UtcNow),
            new StepEventReport("Preflight", StepPhase.Succeeded, DateTimeOffset.UtcNow, 12.5),
        ]));
        var completed = await (await agent.SucceedAsync(job, $"https://{instance.Hostname}:8443/")).ReadAsync<CompleteResponse>();

        var shown = await admin.GetInstanceAsync(instance.Name);
        Assert.Equal(JobState.Succeeded, completed.State);
        Assert.Equal(InstanceState.Active, shown.State);
        Assert.Equal($"https://{instance.Hostname}:8443/", shown.Url);
        var steps = (await admin.GetJobAsync(job.JobId)).Steps;
        Assert.Equal([StepPhase.Started, StepPhase.Succeeded], steps.Select(s => s.Phase));
        Assert.Equal(12.5, steps[1].DurationMs);
    }

    [Fact]
    public async Task Complete_RolledBack_ShowsTheFailingStepAndMessageOnTheInstance()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        await (await agent.CompleteAsync(job, new CompleteRequest(job.Attempt, job.LeaseToken, JobState.RolledBack,
            new JobErrorReport("VirtualHost", "apache2 -t failed: Syntax error on line 3")))).ReadAsync<CompleteResponse>();

        var shown = await admin.GetInstanceAsync(instance.Name);
        Assert.Equal(InstanceState.Failed, shown.State);
        Assert.Equal("VirtualHost", shown.LastError!.Step);
        Assert.Contains("Syntax error", shown.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(shown.LastError.Leftovers);
    }

    [Fact]
    public async Task Complete_NeedsAttention_ListsTheLeftovers_AndAllowsBackOut()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        await (await agent.CompleteAsync(job, new CompleteRequest(job.Attempt, job.LeaseToken, JobState.NeedsAttention,
            new JobErrorReport("Webroot", "copy failed", ["database:cd_x — access denied"])))).ReadAsync<CompleteResponse>();
        var backout = await admin.ActAsync(instance.Name, "backout");

        var shown = await admin.GetInstanceAsync(instance.Name);
        Assert.Equal(InstanceState.NeedsAttention, shown.State);
        Assert.Equal(["database:cd_x — access denied"], shown.LastError!.Leftovers);
        Assert.Equal(JobKind.BackOut, backout.Kind);
    }

    [Fact]
    public async Task Complete_RepeatedWithTheSameLease_IsHarmless()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        var first = await agent.SucceedAsync(job);
        var second = await agent.SucceedAsync(job);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task OtherWorker_CannotHeartbeatReportOrCompleteTheJob_AndChangesNothing()
    {
        var admin = _host.Admin();
        var (owner, ownerAgent) = await _host.OnlineWorkerAsync();
        var (_, intruder) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(owner.Name);
        var job = (await ownerAgent.ClaimAsync())!;

        Assert.Null(await intruder.ClaimAsync());
        var heartbeat = await intruder.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/heartbeat", new HeartbeatRequest(job.Attempt, job.LeaseToken));
        var events = await intruder.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/events",
            new EventsRequest(job.Attempt, job.LeaseToken, [new StepEventReport("Preflight", StepPhase.Started, DateTimeOffset.UtcNow)]));
        var complete = await intruder.SucceedAsync(job);

        await heartbeat.ProblemAsync(HttpStatusCode.Forbidden);
        await events.ProblemAsync(HttpStatusCode.Forbidden);
        await complete.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(InstanceState.Deploying, (await admin.GetInstanceAsync(instance.Name)).State);
        Assert.Empty((await admin.GetJobAsync(job.JobId)).Steps);
    }

    [Fact]
    public async Task Cancel_QueuedJob_IsCancelledAtOnce_AndTheInstanceMayDeployAgain()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);

        var cancelled = await (await admin.PostAsync($"/api/v1/jobs/{instance.CurrentJob!.Id}/cancel", null))
            .ReadAsync<Core.Contracts.Jobs.JobResponse>();

        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Null(await agent.ClaimAsync());
        Assert.Equal(InstanceState.Pending, (await admin.GetInstanceAsync(instance.Name)).State);
        Assert.Equal(JobKind.Deploy, (await admin.ActAsync(instance.Name, "deploy")).Kind);
    }

    [Fact]
    public async Task Cancel_RunningJob_IsSignalledThroughTheHeartbeat()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        var requested = await (await admin.PostAsync($"/api/v1/jobs/{job.JobId}/cancel", null)).ReadAsync<Core.Contracts.Jobs.JobResponse>();
        var heartbeat = await (await agent.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/heartbeat",
            new HeartbeatRequest(job.Attempt, job.LeaseToken))).ReadAsync<HeartbeatResponse>();

        Assert.Equal(JobState.Running, requested.State);
        Assert.True(requested.CancelRequested);
        Assert.True(heartbeat.CancelRequested);
    }

    [Fact]
    public async Task Claim_LongPoll_ReturnsAsSoonAsAJobIsQueued()
    {
        // The dispatcher's clock stands still: a waiting claim cannot return through its recheck or its deadline, only
        // when the queued job wakes it.
        await using var host = await DispatcherTestHost.StartAsync(new() { FakeTime = true });
        var admin = host.Admin();
        var (worker, agent) = await host.OnlineWorkerAsync();
        var seenAtHello = (await admin.GetWorkerAsync(worker.Name)).LastSeenAt;
        host.Time!.Advance(TimeSpan.FromSeconds(10));

        var waiting = agent.ClaimAsync(waitSeconds: 20);
        // The claim has looked at the empty queue (it marks the worker seen, at the new time) and waits to be woken.
        await Eventually.TrueAsync(async () => (await admin.GetWorkerAsync(worker.Name)).LastSeenAt > seenAtHello, "the claim looked at the queue");
        Assert.False(waiting.IsCompleted);
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var job = await waiting.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(instance.Name, job!.Instance.Name);
    }

    [Theory]
    [InlineData("""{"attempt":0,"leaseToken":"00000000-0000-0000-0000-000000000000","events":[]}""", "attempt")]
    [InlineData("""{"attempt":1,"leaseToken":"00000000-0000-0000-0000-000000000000","events":[]}""", "leaseToken")]
    [InlineData("""{"attempt":1,"leaseToken":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","events":[]}""", "events")]
    [InlineData("""{"attempt":1,"leaseToken":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","events":[{"step":"a b; rm","phase":"Started","at":"2026-01-01T00:00:00Z"}]}""", "events[0].step")]
    [InlineData("""{"attempt":1,"leaseToken":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","events":[{"step":"Preflight","phase":"Exploded","at":"2026-01-01T00:00:00Z"}]}""", "events[0].phase")]
    public async Task Events_WithBadInput_Are400NamingTheField(string body, string field)
    {
        var (_, agent) = await _host.OnlineWorkerAsync();

        var response = await agent.PostAsync("/api/v1/agent/jobs/1/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
