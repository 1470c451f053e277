using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class PlanRunnerRollbackTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private FakeStep[] DeploySteps(int failingIndex) =>
    [
        new("DatabaseUser", _h.Host, "dbuser:cd_x") { FailAfter = failingIndex == 0 ? 1 : null },
        new("Database", _h.Host, "database:cd_x") { FailAfter = failingIndex == 1 ? 1 : null },
        new("Webroot", _h.Host, "dir:/var/www/x", "file:/var/www/x/.env") { FailAfter = failingIndex == 2 ? 1 : null },
        new("EnableSite", _h.Host, "link:/etc/apache2/sites-enabled/x.conf") { FailAfter = failingIndex == 3 ? 1 : null },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Run_RollsBackEarlierStepsAndTheFailingStepsCreations_InReverseOrder_WhenStepAtIndexFailsTest(int failing)
    {
        var steps = DeploySteps(failing);

        var result = await _h.RunAsync(EngineHarness.Plan(steps));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(steps[failing].Name, result.FailedStep);
        Assert.Equal("boom", result.Message);
        Assert.Empty(result.Leftovers);
        Assert.Empty(_h.Host.Existing);
        // Each failing step created its first resource, then threw: that creation is undone too.
        var created = steps.Take(failing + 1).SelectMany(s => s.Resources.Take(s == steps[failing] ? 1 : s.Resources.Count).Select(r => (s.Name, r)));
        var expectedUndos = created.Reverse().Select(c => $"rollback:{c.Name}:{c.r}");
        Assert.Equal(expectedUndos, _h.Host.Calls.Where(c => c.StartsWith("rollback:", StringComparison.Ordinal)));
        Assert.DoesNotContain(_h.Host.Calls, c => steps.Skip(failing + 1).Any(s => c == $"apply:{s.Name}"));
        var error = result.ToErrorReport()!;
        Assert.Equal((steps[failing].Name, "boom"), (error.Step, error.Message));
        Assert.Empty(error.Leftovers!);
    }

    [Fact]
    public async Task Run_EndsNeedsAttentionWithTheExactLeftovers_AndStillRunsTheOtherUndos_WhenUndosFailTest()
    {
        var steps = DeploySteps(failingIndex: 3);
        steps[2].UndoFailures.Add(ResourceId.Parse("dir:/var/www/x"));
        steps[0].UndoFailures.Add(ResourceId.Parse("dbuser:cd_x"));

        var result = await _h.RunAsync(EngineHarness.Plan(steps));

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        Assert.Equal(
            ["dir:/var/www/x — cannot remove dir:/var/www/x", "dbuser:cd_x — cannot remove dbuser:cd_x"],
            result.Leftovers.Select(l => l.ToString()));
        Assert.Equal(
            [ResourceId.Parse("dbuser:cd_x"), ResourceId.Parse("dir:/var/www/x")],
            _h.Host.Existing.OrderBy(r => r.ToString()));
        Assert.Contains("rollback:Database:database:cd_x", _h.Host.Calls);
        Assert.Contains("rollback:Webroot:file:/var/www/x/.env", _h.Host.Calls);
        Assert.Contains("rollback:EnableSite:link:/etc/apache2/sites-enabled/x.conf", _h.Host.Calls);
        Assert.Contains("Webroot:RollbackFailed", _h.Events.Phases);
        Assert.Contains("Database:RolledBack", _h.Events.Phases);
        Assert.Equal(JobState.NeedsAttention, result.Outcome.ToJobState());
        Assert.Equal(2, result.ToErrorReport()!.Leftovers!.Count);
    }

    [Fact]
    public async Task Run_NeverRemovesAResourceThatExistedBeforeTheJob_EvenWhenTheStepFailsOnItTest()
    {
        var theirs = ResourceId.Parse("database:cd_x");
        _h.Host.Seed(theirs);
        var steps = DeploySteps(failingIndex: -1);

        var result = await _h.RunAsync(EngineHarness.Plan(steps));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal("Database", result.FailedStep);
        Assert.Contains("not created by this job", result.Message, StringComparison.Ordinal);
        Assert.Equal([theirs], _h.Host.Existing);
        Assert.DoesNotContain(_h.Host.Calls, c => c.Contains(theirs.ToString(), StringComparison.Ordinal));
        var journal = await _h.Journals.ReadAsync(_h.Job.JobId, default);
        Assert.Equal(ResourceClaim.None, journal!.ClaimOf(theirs));
    }

    [Fact]
    public async Task Run_RollsBackAndEndsCancelled_WhenTheJobIsCancelledMidStep_AndTheUndoTokenIsNotCancelledTest()
    {
        using var cancel = new CancellationTokenSource();
        var steps = DeploySteps(failingIndex: -1);
        steps[1] = new FakeStep("Database", _h.Host, "database:cd_x") { HangInApply = true };
        var run = _h.RunAsync(EngineHarness.Plan(steps), new(cancel.Token, default));

        await steps[1].Hanging.Task;
        await cancel.CancelAsync();
        var result = await run;

        Assert.Equal(PlanOutcome.Cancelled, result.Outcome);
        Assert.Equal("Database", result.FailedStep);
        Assert.Empty(_h.Host.Existing);
        Assert.Equal(["rollback:Database:database:cd_x", "rollback:DatabaseUser:dbuser:cd_x"],
            _h.Host.Calls.Where(c => c.StartsWith("rollback:", StringComparison.Ordinal)));
        Assert.All(steps[..2].SelectMany(s => s.UndoTokenWasCancelled), Assert.False);
        Assert.DoesNotContain("apply:Webroot", _h.Host.Calls);
    }

    [Fact]
    public async Task Run_RollsBackWithoutRunningAnyStep_WhenCancelledBeforeItStartsTest()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await _h.RunAsync(EngineHarness.Plan(DeploySteps(-1)), new(cancel.Token, default));

        Assert.Equal(PlanOutcome.Cancelled, result.Outcome);
        Assert.Null(result.FailedStep);
        Assert.Equal("the job was cancelled before DatabaseUser", result.Message);
        Assert.Empty(_h.Host.Calls);
    }

    [Fact]
    public async Task Run_FailsTheStepAndRollsBack_WhenTheStepExceedsItsTimeoutTest()
    {
        var steps = DeploySteps(failingIndex: -1);
        steps[2] = new FakeStep("Webroot", _h.Host, "dir:/var/www/x") { HangInApply = true, Timeout = TimeSpan.FromSeconds(30) };
        var run = _h.RunAsync(EngineHarness.Plan(steps));

        await steps[2].Hanging.Task;
        _h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(run.IsCompleted);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await run;

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal("Webroot", result.FailedStep);
        Assert.Equal("timed out after 30 s", result.Message);
        Assert.Empty(_h.Host.Existing);
    }

    [Fact]
    public async Task Run_RemovesAResourceWithOnlyAnIntent_WhenItsCreationTimedOutHalfwayTest()
    {
        var steps = DeploySteps(failingIndex: -1);
        steps[1] = new FakeStep("Database", _h.Host, "database:cd_x") { HangInCreate = true };
        var run = _h.RunAsync(EngineHarness.Plan(steps));

        await steps[1].Hanging.Task;
        _h.Time.Advance(EngineHarness.StepTimeout);
        var result = await run;

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Contains("rollback:Database:database:cd_x", _h.Host.Calls);
        Assert.Empty(_h.Host.Existing);
    }

    [Fact]
    public async Task Run_ListsAResourceAsLeftOver_WhenItsUndoExceedsTheUndoTimeout_AndRunsTheOtherUndosTest()
    {
        var steps = DeploySteps(failingIndex: 2);
        var hung = ResourceId.Parse("database:cd_x");
        steps[1].UndoHangs.Add(hung);
        var run = _h.RunAsync(EngineHarness.Plan(steps));

        await steps[1].UndoHanging.Task;
        _h.Time.Advance(EngineHarness.UndoTimeout);
        var result = await run;

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        var leftover = Assert.Single(result.Leftovers);
        Assert.Equal($"{hung} — timed out after 60 s", leftover.ToString());
        Assert.Contains("rollback:DatabaseUser:dbuser:cd_x", _h.Host.Calls);
        Assert.False(_h.Host.Exists(ResourceId.Parse("dbuser:cd_x")));
    }

    [Fact]
    public async Task Run_RunsTheAfterRollbackActionOnce_AfterAllUndos_WhenItsStepHadStartedTest()
    {
        var reload = new ReloadingFakeStep("ReloadWebServer", _h.Host);
        var plan = EngineHarness.Plan(
            new FakeStep("VirtualHost", _h.Host, "file:/etc/apache2/sites-available/x.conf"),
            reload,
            new FakeStep("Cron", _h.Host, "cron:centraldispatch:x") { FailAfter = 1 });

        var result = await _h.RunAsync(plan);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal("after-rollback:ReloadWebServer", _h.Host.Calls[^1]);
        Assert.Single(_h.Host.Calls, c => c.StartsWith("after-rollback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ListsTheAfterRollbackAction_WhenItFailsTest()
    {
        var reload = new ReloadingFakeStep("ReloadWebServer", _h.Host) { ReloadFails = true };
        var plan = EngineHarness.Plan(reload, new FakeStep("Cron", _h.Host, "cron:centraldispatch:x") { FailAfter = 0 });

        var result = await _h.RunAsync(plan);

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        Assert.Equal("step:ReloadWebServer — reload failed: config test failed", Assert.Single(result.Leftovers).ToString());
    }

    [Fact]
    public async Task Run_DoesNotRunTheAfterRollbackAction_WhenItsStepNeverStartedTest()
    {
        var plan = EngineHarness.Plan(
            new FakeStep("DatabaseUser", _h.Host, "dbuser:cd_x") { FailAfter = 1 },
            new ReloadingFakeStep("ReloadWebServer", _h.Host));

        await _h.RunAsync(plan);

        Assert.DoesNotContain(_h.Host.Calls, c => c.StartsWith("after-rollback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RollBack_RemovesWhatAFailedJobLeft_OnceTheFaultIsGone_AndTheJournalCanThenBeAcknowledgedAwayTest()
    {
        var steps = DeploySteps(failingIndex: 3);
        var stuck = ResourceId.Parse("database:cd_x");
        steps[1].UndoFailures.Add(stuck);
        var failed = await _h.RunAsync(EngineHarness.Plan(steps));
        Assert.Equal(PlanOutcome.NeedsAttention, failed.Outcome);
        Assert.False(await _h.Journals.AcknowledgeAsync(_h.Job.JobId, default), "a journal with leftovers is kept for the back-out");
        steps[1].UndoFailures.Clear();
        var latest = await _h.Journals.FindLatestForInstanceAsync(_h.Job.Instance.Name, default);
        var callsBefore = _h.Host.Calls.Count;

        var backOut = _h.Job with { JobId = _h.Job.JobId + 1, Kind = JobKind.BackOut };
        var result = await _h.Runner.RollBackAsync(EngineHarness.Plan(steps), backOut, latest!.JobId, _h.Events, "back-out requested", default);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Empty(_h.Host.Existing);
        Assert.Equal([$"rollback:Database:{stuck}"], _h.Host.Calls.Skip(callsBefore));
        Assert.True(await _h.Journals.AcknowledgeAsync(_h.Job.JobId, default));
        Assert.False(File.Exists(_h.JournalPath));
    }

    [Fact]
    public async Task RollBack_ListsAResourceAsLeftOver_WhenThePlanNoLongerHasTheStepThatCreatedItTest()
    {
        var steps = DeploySteps(failingIndex: 3);
        steps[1].UndoFailures.Add(ResourceId.Parse("database:cd_x"));
        await _h.RunAsync(EngineHarness.Plan(steps));

        var result = await _h.Runner.RollBackAsync(EngineHarness.Plan(steps[0], steps[2], steps[3]), _h.Job, _h.Job.JobId, _h.Events,
            "back-out requested", default);

        Assert.Equal(PlanOutcome.NeedsAttention, result.Outcome);
        Assert.Equal("database:cd_x — plan test has no step Database that knows how to remove it", Assert.Single(result.Leftovers).ToString());
    }

    [Fact]
    public async Task RollBack_ReportsNothingToRemove_WhenThereIsNoJournalTest()
    {
        var result = await _h.Runner.RollBackAsync(EngineHarness.Plan(DeploySteps(-1)), _h.Job, 424242, _h.Events, "lease lost", default);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Empty(_h.Host.Calls);
    }
}
