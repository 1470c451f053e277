using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class AgentLoopTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _dispatcher = fixture.Host;

    [Fact]
    public async Task Deploy_RunsToCompletion_AndTheInstanceBecomesActiveWithTheReportedUrl()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), new UrlStep());
        var (instance, jobId) = await agent.QueueDeployAsync();

        agent.StartDaemon();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetInstanceAsync(instance.Name)).State == InstanceState.Active, "instance Active");

        var shown = await agent.Admin.GetInstanceAsync(instance.Name);
        var job = await agent.Admin.GetJobAsync(jobId);
        Assert.Equal(UrlStep.UrlOf(instance.Hostname).AbsoluteUri, shown.Url);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(["Database:Started", "Database:Succeeded", "HealthCheck:Started", "HealthCheck:Succeeded"],
            job.Steps.Select(s => $"{s.Step}:{s.Phase}"));
        // Acknowledged: the journal and the saved lease go once the dispatcher has the result.
        await Eventually.TrueAsync(() => !File.Exists(agent.Journals.PathOf(jobId)) && agent.Leases.List().Count == 0, "journal acknowledged");
        Assert.DoesNotContain(agent.Logs.Lines, l => l.Contains(agent.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingStep_EndsRolledBack_AndTheInstanceShowsTheFailingStepAndMessage()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(
            new FakeStep("Database", agent.Host, "database:cd_shop"),
            new FakeStep("Webroot", agent.Host, "dir:/var/www/shop") { FailAfter = 1, FailureMessage = "cp: No space left on device" });
        var (instance, jobId) = await agent.QueueDeployAsync();

        agent.StartDaemon();
        var job = await agent.FinishedJobAsync(jobId);

        var shown = await agent.Admin.GetInstanceAsync(instance.Name);
        Assert.Equal(JobState.RolledBack, job.State);
        Assert.Equal(InstanceState.Failed, shown.State);
        Assert.Equal("Webroot", shown.LastError!.Step);
        Assert.Contains("No space left on device", shown.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(shown.LastError.Leftovers);
        Assert.Null(shown.Url);
        Assert.Empty(agent.Host.Existing);
        Assert.Contains("Database:RolledBack", job.Steps.Select(s => $"{s.Step}:{s.Phase}"));
    }

    [Fact]
    public async Task StepEvents_AreSentInBatchesWhileTheJobRuns_InOrder()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var gate = agent.Gate("Database");
        agent.Plans.Use(new FakeStep("Preflight", agent.Host), new FakeStep("DatabaseUser", agent.Host, "dbuser:cd_shop"), gate,
            new FakeStep("Webroot", agent.Host, "dir:/var/www/shop"));
        var (instance, jobId) = await agent.QueueDeployAsync();

        await agent.StartUntilInsideAsync(gate);
        // About every second (on the agent's clock) what has happened so far goes out, while the job still runs.
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromSeconds(1),
            async () => (await agent.Admin.GetJobAsync(jobId)).Steps.Count == 5, "events of the first steps on the dispatcher");
        var midway = await agent.Admin.GetJobAsync(jobId);
        gate.Open();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetJobAsync(jobId)).State == JobState.Succeeded, "job Succeeded");

        var steps = (await agent.Admin.GetJobAsync(jobId)).Steps.Select(s => $"{s.Step}:{s.Phase}").ToList();
        Assert.Equal(JobState.Running, midway.State);
        Assert.Equal(
            ["Preflight:Started", "Preflight:Succeeded", "DatabaseUser:Started", "DatabaseUser:Succeeded", "Database:Started",
             "Database:Succeeded", "Webroot:Started", "Webroot:Succeeded"], steps);
        var posts = agent.Recorder.Count("events", 204);
        Assert.InRange(posts, 2, steps.Count - 1);
    }

    [Fact]
    public async Task Concurrency_RunsJobsOfDifferentInstancesInParallel_UpToTheLimit_EachCountedAsAPossibleReloadRequester()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher, concurrency: 2);
        var gate = agent.Gate("Webroot");
        agent.Plans.Use(gate);
        var instances = new List<Core.Contracts.Instances.InstanceResponse>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(await agent.Admin.CreateInstanceAsync(agent.WorkerName));
        }

        agent.StartDaemon();
        await Eventually.TrueAsync(() => gate.Inside == 2, "two jobs inside the step");
        // Both slots are taken: the agent holds no third claim, so the other two jobs are still queued.
        var states = new List<JobState>();
        foreach (var instance in instances)
        {
            states.Add((await agent.Admin.GetInstanceAsync(instance.Name)).CurrentJob!.State);
        }

        var requestersWhileRunning = agent.ReloadRequesters.Running;
        gate.Open();
        foreach (var instance in instances)
        {
            await Eventually.TrueAsync(async () => (await agent.Admin.GetInstanceAsync(instance.Name)).State == InstanceState.Active, "all Active");
        }

        Assert.Equal(2, states.Count(s => s == JobState.Running));
        Assert.Equal(2, states.Count(s => s == JobState.Queued));
        Assert.Equal(2, gate.MaxInside);
        Assert.Equal(4, gate.Entries);
        Assert.Equal(2, requestersWhileRunning);
        await Eventually.TrueAsync(() => agent.ReloadRequesters.Running == 0, "no job counted once all ended");
    }

    [Fact]
    public async Task Once_RunsEveryQueuedJob_WithoutWaiting_ThenReturnsSuccess()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher, concurrency: 2);
        agent.Plans.Use(new FakeStep("Database", agent.Host), new UrlStep());
        var instances = new List<Core.Contracts.Instances.InstanceResponse>();
        for (var i = 0; i < 3; i++)
        {
            instances.Add(await agent.Admin.CreateInstanceAsync(agent.WorkerName));
        }

        var exitCode = await agent.RunOnceAsync();

        Assert.Equal(AgentExitCodes.Success, exitCode);
        foreach (var instance in instances)
        {
            Assert.Equal(InstanceState.Active, (await agent.Admin.GetInstanceAsync(instance.Name)).State);
        }

        Assert.All(agent.Recorder.SentBodies<ClaimRequest>("claim"), c => Assert.Equal(0, c.WaitSeconds));
        Assert.Equal(204, agent.Recorder.Log.Last(e => e.Call == "claim").Status);
    }

    [Fact]
    public async Task Once_ReturnsUnreachable_WhenTheDispatcherCannotBeReached()
    {
        await using var agent = AgentHarness.Unregistered(ClosedPort.Address(), _dispatcher.Admin());

        var run = agent.RunOnceAsync();
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromSeconds(1), () => run.IsCompleted, "the once run gives up");

        Assert.Equal(AgentExitCodes.Unreachable, await run);
        Assert.Equal(AgentLoop.OnceAttempts, agent.Recorder.Count("hello"));
        Assert.All(agent.Recorder.Log, e => Assert.Null(e.Status));
    }

    [Fact]
    public async Task RefusedToken_StopsTheAgent_WithAClearMessage_AndNeverLogsTheToken()
    {
        await using var agent = AgentHarness.Unregistered(_dispatcher.BaseAddress, _dispatcher.Admin());

        var exitCode = await agent.Loop.RunAsync(AgentRunMode.Daemon, CancellationToken.None);

        Assert.Equal(AgentExitCodes.Refused, exitCode);
        Assert.Contains(agent.Logs.Lines, l => l.Contains("refused the worker token (401)", StringComparison.Ordinal));
        Assert.DoesNotContain(agent.Logs.Lines, l => l.Contains(agent.Token, StringComparison.Ordinal));
        Assert.Equal(1, agent.Recorder.Count("hello"));
    }

    [Fact]
    public async Task HostStop_FinishesTheStepInFlight_ThenStopsWithoutReporting_LeavingTheRestToTheNextAttempt()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var gate = agent.Gate("Webroot");
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), gate, new FakeStep("Cron", agent.Host, "cron:shop"));
        var (instance, jobId) = await agent.QueueDeployAsync();
        await agent.StartUntilInsideAsync(gate);

        var stopped = agent.StopAsync();
        Assert.False(stopped.IsCompleted);
        gate.Open();
        var exitCode = await stopped;

        var journal = await agent.Journals.ReadAsync(jobId, CancellationToken.None);
        var job = await agent.Admin.GetJobAsync(jobId);
        Assert.Equal(AgentExitCodes.Success, exitCode);
        Assert.Equal(0, agent.Recorder.Count("complete"));
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(JournalPhase.Running, journal!.Phase);
        Assert.Equal(StepProgress.Succeeded, journal.ProgressOf("Webroot"));
        Assert.Equal(StepProgress.NotStarted, journal.ProgressOf("Cron"));
        Assert.Equal(0, gate.Cancellations);
        Assert.Equal([new ResourceId("database", "cd_shop")], agent.Host.Existing);
        // The events of the finished step were flushed on the way out.
        Assert.Equal("Webroot:Succeeded", job.Steps.Select(s => $"{s.Step}:{s.Phase}").Last());
    }

    [Fact]
    public async Task BackOut_RollsBackWhatTheFailedDeployLeftBehind_AndSucceeds()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        var database = new FakeStep("Database", agent.Host, "database:cd_shop");
        database.UndoFailures.Add(new ResourceId("database", "cd_shop"));
        agent.Plans.Use(database, new FakeStep("Webroot", agent.Host, "dir:/var/www/shop") { FailAfter = 1 });
        var (instance, deployId) = await agent.QueueDeployAsync();
        agent.StartDaemon();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetInstanceAsync(instance.Name)).State == InstanceState.NeedsAttention, "deploy NeedsAttention");
        var left = (await agent.Admin.GetInstanceAsync(instance.Name)).LastError!.Leftovers;

        database.UndoFailures.Clear(); // the operator fixed what stopped the undo
        var backout = await agent.Admin.ActAsync(instance.Name, "backout");
        var backedOut = await agent.FinishedJobAsync(backout.Id);

        Assert.Single(left, l => l.StartsWith("database:cd_shop", StringComparison.Ordinal));
        Assert.Equal(JobState.Succeeded, backedOut.State);
        Assert.Equal(InstanceState.Failed, (await agent.Admin.GetInstanceAsync(instance.Name)).State);
        Assert.Empty(agent.Host.Existing);
        await Eventually.TrueAsync(() => !File.Exists(agent.Journals.PathOf(deployId)), "the deploy's journal removed");
    }
}
