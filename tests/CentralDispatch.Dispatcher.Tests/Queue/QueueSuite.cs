using System.Collections.Concurrent;
using System.Net;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Queue;

/// <summary>
/// The queue's guarantees, run against every store provider (river's "one driver test suite"): each job is
/// claimed exactly once under concurrency, expired leases come back as the next attempt, and stale leases are fenced off.
/// </summary>
public abstract class QueueSuite
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>The store under test: null for SQLite, else a fresh PostgreSQL database's connection string.</summary>
    protected abstract Task<string?> StoreAsync();

    private async Task<DispatcherTestHost> StartAsync(bool fakeTime) =>
        await DispatcherTestHost.StartAsync(new()
        {
            Postgres = await StoreAsync(),
            FakeTime = fakeTime,
            Queue = q =>
            {
                q.Lease = Lease;
                q.MaxAttempts = 3;
                q.OfflineAfter = TimeSpan.FromMinutes(2);
                // The tests sweep by hand; the background reaper must not fire when they advance the fake clock.
                q.ReaperInterval = TimeSpan.FromMinutes(10);
            },
        });

    [Fact]
    public async Task FiftyConcurrentClaimers_TwoHundredJobs_EachJobClaimedExactlyOnce()
    {
        await using var host = await StartAsync(fakeTime: false);
        var admin = host.Admin();
        var (worker, _) = await host.OnlineWorkerAsync(capacity: 1000);
        for (var i = 0; i < 200; i++)
        {
            await admin.CreateInstanceAsync(worker.Name);
        }

        var claims = new ConcurrentBag<JobAssignment>();
        var claimers = Enumerable.Range(0, 50).Select(async _ =>
        {
            using var agent = host.Client(worker.Token);
            while (await agent.ClaimAsync() is { } job)
            {
                claims.Add(job);
            }
        });
        await Task.WhenAll(claimers);

        Assert.Equal(200, claims.Count);
        Assert.Equal(200, claims.Select(c => c.JobId).Distinct().Count());
        Assert.Equal(200, claims.Select(c => c.LeaseToken).Distinct().Count());
        foreach (var claim in claims.Take(20))
        {
            var job = await admin.GetJobAsync(claim.JobId);
            Assert.Equal(JobState.Running, job.State);
            Assert.Equal(1, job.Attempt);
        }
    }

    [Fact]
    public async Task ExpiredLease_IsRequeuedForTheSameWorkerAsTheNextAttempt_AndTheOldLeaseIsRejected()
    {
        await using var host = await StartAsync(fakeTime: true);

        var (admin, agent, instance, first, sweep) = await ExpireTheFirstLeaseAsync(host);
        var second = (await agent.ClaimAsync())!;

        Assert.Equal(1, sweep.Requeued);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(2, second.Attempt);
        Assert.NotEqual(first.LeaseToken, second.LeaseToken);

        var staleHeartbeat = await agent.PostJsonAsync($"/api/v1/agent/jobs/{first.JobId}/heartbeat",
            new HeartbeatRequest(first.Attempt, first.LeaseToken));
        var staleEvents = await agent.PostJsonAsync($"/api/v1/agent/jobs/{first.JobId}/events",
            new EventsRequest(first.Attempt, first.LeaseToken, [new StepEventReport("Preflight", StepPhase.Started, DateTimeOffset.UtcNow)]));
        var staleComplete = await agent.SucceedAsync(first);
        await staleHeartbeat.ProblemAsync(HttpStatusCode.Conflict);
        await staleEvents.ProblemAsync(HttpStatusCode.Conflict);
        await staleComplete.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(InstanceState.Deploying, (await admin.GetInstanceAsync(instance.Name)).State);
        Assert.Empty((await admin.GetJobAsync(first.JobId)).Steps);

        await (await agent.SucceedAsync(second)).ReadAsync<CompleteResponse>();
        Assert.Equal(InstanceState.Active, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task CancelOfAJobQueuedAgainAfterItsLeaseExpired_GoesToTheWorkerWithTheNextAttempt_WhoseRollbackEndsIt()
    {
        await using var host = await StartAsync(fakeTime: true);
        var (admin, agent, instance, first, sweep) = await ExpireTheFirstLeaseAsync(host);
        Assert.Equal(1, sweep.Requeued);

        // The first attempt's worker died after changing the host: only the next attempt can undo that.
        var requested = await (await admin.PostAsync($"/api/v1/jobs/{first.JobId}/cancel", null)).ReadAsync<Core.Contracts.Jobs.JobResponse>();
        var second = (await agent.ClaimAsync())!;
        var heartbeat = await (await agent.PostJsonAsync($"/api/v1/agent/jobs/{second.JobId}/heartbeat",
            new HeartbeatRequest(second.Attempt, second.LeaseToken))).ReadAsync<HeartbeatResponse>();
        await (await agent.CompleteAsync(second, new CompleteRequest(second.Attempt, second.LeaseToken, JobState.Cancelled,
            new JobErrorReport(null, "the job was cancelled before Webroot")))).ReadAsync<CompleteResponse>();

        Assert.Equal((JobState.Queued, true), (requested.State, requested.CancelRequested));
        Assert.Equal((first.JobId, 2), (second.JobId, second.Attempt));
        Assert.True(heartbeat.CancelRequested);
        Assert.Equal(JobState.Cancelled, (await admin.GetJobAsync(first.JobId)).State);
        Assert.Equal(InstanceState.Failed, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    /// <summary>A new instance's Deploy job claimed once (<c>First</c>), its lease run out, and a reaper sweep.</summary>
    private static async Task<(HttpClient Admin, HttpClient Agent, Core.Contracts.Instances.InstanceResponse Instance, JobAssignment First, ReaperSweep Sweep)>
        ExpireTheFirstLeaseAsync(DispatcherTestHost host)
    {
        var admin = host.Admin();
        var (worker, agent) = await host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var first = (await agent.ClaimAsync())!;
        host.Time!.Advance(Lease + TimeSpan.FromSeconds(1));
        return (admin, agent, instance, first, await host.SweepAsync());
    }

    [Fact]
    public async Task Heartbeat_ExtendsTheLease_SoTheReaperLeavesTheJobAlone()
    {
        await using var host = await StartAsync(fakeTime: true);
        var admin = host.Admin();
        var (worker, agent) = await host.OnlineWorkerAsync();
        await admin.CreateInstanceAsync(worker.Name);
        var job = (await agent.ClaimAsync())!;

        for (var i = 0; i < 4; i++)
        {
            host.Time!.Advance(Lease / 3);
            await (await agent.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/heartbeat", new HeartbeatRequest(job.Attempt, job.LeaseToken)))
                .ReadAsync<HeartbeatResponse>();
            Assert.Equal(0, (await host.SweepAsync()).Requeued);
        }

        Assert.Equal(1, (await admin.GetJobAsync(job.JobId)).Attempt);
    }

    [Fact]
    public async Task LeaseExpiringOnTheLastAttempt_FailsTheJob_AndTheInstanceNeedsAttention()
    {
        await using var host = await StartAsync(fakeTime: true);
        var admin = host.Admin();
        var (worker, agent) = await host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var job = (await agent.ClaimAsync())!;
            Assert.Equal(attempt, job.Attempt);
            host.Time!.Advance(Lease + TimeSpan.FromSeconds(1));
            await host.SweepAsync();
        }

        var shown = await admin.GetInstanceAsync(instance.Name);
        Assert.Null(await agent.ClaimAsync());
        Assert.Equal(JobState.Failed, (await admin.GetJobAsync(instance.CurrentJob!.Id)).State);
        Assert.Equal(InstanceState.NeedsAttention, shown.State);
        Assert.Equal("Lease", shown.LastError!.Step);
    }

    [Fact]
    public async Task SilentWorker_ShowsOffline_AndComesBackOnlineWithItsNextCall()
    {
        await using var host = await StartAsync(fakeTime: true);
        var admin = host.Admin();
        var (worker, agent) = await host.OnlineWorkerAsync();

        host.Time!.Advance(TimeSpan.FromMinutes(3));
        var sweep = await host.SweepAsync();
        var offline = await (await admin.GetAsync($"/api/v1/workers/{worker.Name}")).ReadAsync<WorkerResponse>();
        await agent.ClaimAsync();
        var back = await (await admin.GetAsync($"/api/v1/workers/{worker.Name}")).ReadAsync<WorkerResponse>();

        Assert.Equal(1, sweep.MarkedOffline);
        Assert.Equal(WorkerState.Offline, offline.State);
        Assert.Equal(WorkerState.Online, back.State);
    }
}
