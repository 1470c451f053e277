using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class PlanRunnerForwardTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Run_AppliesStepsInPlanOrder_AndReportsEachStepStartedThenSucceededTest()
    {
        var plan = EngineHarness.Plan(
            new FakeStep("Preflight", _h.Host),
            new FakeStep("DatabaseUser", _h.Host, "dbuser:u1"),
            new FakeStep("Database", _h.Host, "database:d1"));

        var result = await _h.RunAsync(plan);

        Assert.Equal(PlanOutcome.Succeeded, result.Outcome);
        Assert.Null(result.ToErrorReport());
        Assert.Equal(["apply:Preflight", "apply:DatabaseUser", "apply:Database"], _h.Host.Calls);
        Assert.Equal(
            ["Preflight:Started", "Preflight:Succeeded", "DatabaseUser:Started", "DatabaseUser:Succeeded", "Database:Started", "Database:Succeeded"],
            _h.Events.Phases);
        Assert.All(_h.Events.Events.Where(e => e.Phase == StepPhase.Succeeded), e => Assert.NotNull(e.DurationMs));
        var journal = await _h.Journals.ReadAsync(_h.Job.JobId, default);
        Assert.Equal(JournalPhase.Finished, journal!.Phase);
        Assert.Equal(ResourceClaim.Created, journal.ClaimOf(ResourceId.Parse("database:d1")));
    }

    [Fact]
    public async Task Run_ReportsStepDurationFromTheInjectedClockTest()
    {
        var slow = new ClockAdvancingStep("Webroot", _h.Time, TimeSpan.FromSeconds(42));

        await _h.RunAsync(EngineHarness.Plan(slow));

        var succeeded = Assert.Single(_h.Events.Events, e => e.Phase == StepPhase.Succeeded);
        Assert.Equal(42_000, succeeded.DurationMs);
    }

    [Fact]
    public async Task Run_FailsTheStepAndRollsBack_WhenVerifyReturnsFalseTest()
    {
        var plan = EngineHarness.Plan(
            new FakeStep("A", _h.Host, "dir:/a"),
            new FakeStep("B", _h.Host, "file:/b") { VerifyResult = false });

        var result = await _h.RunAsync(plan);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal("B", result.FailedStep);
        Assert.Contains("verify failed", result.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Host.Existing);
    }

    [Fact]
    public async Task Run_StopsBeforeTheNextStep_WhenTheHostIsStopping_AndTheNextAttemptResumesThereTest()
    {
        using var stopping = new CancellationTokenSource();
        var plan = EngineHarness.Plan(
            new FakeStep("A", _h.Host, "dir:/a") { AfterApply = stopping.Cancel },
            new FakeStep("B", _h.Host, "file:/b"));

        var interrupted = await _h.RunAsync(plan, new(default, stopping.Token));

        Assert.Equal(PlanOutcome.Interrupted, interrupted.Outcome);
        Assert.Null(interrupted.Outcome.ToJobState());
        Assert.True(_h.Host.Exists(ResourceId.Parse("dir:/a")), "the step in flight finishes on shutdown");
        Assert.False(_h.Host.Exists(ResourceId.Parse("file:/b")));
        Assert.Single(await _h.Journals.ListUnfinishedAsync(default));

        _h.Restart();
        var resumed = await _h.RunAsync(plan, attempt: 2);

        Assert.Equal(PlanOutcome.Succeeded, resumed.Outcome);
        Assert.Equal(["apply:A", "apply:B"], _h.Host.Calls);
        Assert.Contains("A:Skipped", _h.Events.Phases);
    }

    [Fact]
    public async Task Run_NotesSurviveAResume_SoAStepReusesWhatAnEarlierAttemptChoseTest()
    {
        var first = new NoteStep("Webroot", "webroot.copy");
        await _h.RunAsync(EngineHarness.Plan(first));
        // As if the worker died right after the note was written, before the step succeeded.
        CrashedJournal.KeepThrough(_h.JournalPath, r => r.Type == JournalRecordType.Note);

        _h.Restart();
        var second = new NoteStep("Webroot", "webroot.copy");
        var result = await _h.RunAsync(EngineHarness.Plan(second), attempt: 2);

        Assert.Equal(PlanOutcome.Succeeded, result.Outcome);
        Assert.NotNull(first.Chosen);
        Assert.Equal(first.Chosen, second.Chosen);
    }

    [Fact]
    public void Plan_RefusesTwoStepsWithOneName_BecauseNamesKeyTheJournalTest()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            EngineHarness.Plan(new FakeStep("A", _h.Host), new FakeStep("A", _h.Host)));
        Assert.Contains("two steps named 'A'", error.Message, StringComparison.Ordinal);
    }
}
