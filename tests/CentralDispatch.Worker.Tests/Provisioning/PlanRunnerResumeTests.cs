using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>
/// Crash recovery: a reference run writes a real journal; every prefix of it (with and without a torn half of the
/// next line) is what kill -9 at that point would leave. The host is set up to match, and a restarted runner
/// must finish the job with nothing created twice and nothing left over.
/// </summary>
public sealed class PlanRunnerResumeTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private FakeStep[] Steps(FakeHost host, bool failWebroot) =>
    [
        new("Preflight", host),
        new("DatabaseUser", host, "dbuser:cd_x"),
        new("Webroot", host, "dir:/var/www/x", "file:/var/www/x/.env") { FailAfter = failWebroot ? 1 : null },
        new("EnableSite", host, "link:/etc/apache2/sites-enabled/x.conf"),
    ];

    public static TheoryData<bool, bool> CrashShapes() => new()
    {
        // tornTail, intent-only resource already exists (the crash fell between create and its record)
        { false, false },
        { false, true },
        { true, false },
        { true, true },
    };

    [Theory]
    [MemberData(nameof(CrashShapes))]
    public async Task Resume_FinishesTheDeployWithoutDuplicates_AfterACrashAtEveryJournalPointTest(bool tornTail, bool intentExists)
    {
        var reference = await ReferenceJournalAsync(failWebroot: false);
        var all = Steps(new FakeHost(), false).SelectMany(s => s.Resources).ToHashSet();

        for (var count = 1; count <= reference.Count; count++)
        {
            var (host, result) = await ResumeAfterCrashAsync(reference, count, tornTail, intentExists, failWebroot: false);

            var point = $"crash after {count} of {reference.Count} records (torn: {tornTail}, intent exists: {intentExists})";
            Assert.True(PlanOutcome.Succeeded == result.Outcome, $"{point}: {result.Outcome} {result.Message}");
            Assert.True(all.SetEquals(host.Existing), point);
            Assert.All(all, r => Assert.True(host.CreationsOf(r) == 1, $"{point}: {r} created {host.CreationsOf(r)} times"));
            Assert.Equal(count == reference.Count, result.FromJournal);
            Assert.Equal(JournalPhase.Finished, (await _h.Journals.ReadAsync(_h.Job.JobId, default))!.Phase);
        }
    }

    [Theory]
    [MemberData(nameof(CrashShapes))]
    public async Task Resume_FinishesTheRollback_AfterACrashAtEveryJournalPointOfAFailingDeployTest(bool tornTail, bool intentExists)
    {
        var reference = await ReferenceJournalAsync(failWebroot: true);

        for (var count = 1; count <= reference.Count; count++)
        {
            var (host, result) = await ResumeAfterCrashAsync(reference, count, tornTail, intentExists, failWebroot: true);

            var point = $"crash after {count} of {reference.Count} records (torn: {tornTail}, intent exists: {intentExists})";
            Assert.True(PlanOutcome.RolledBack == result.Outcome, $"{point}: {result.Outcome} {result.Message}");
            Assert.Equal(("Webroot", "boom"), (result.FailedStep, result.Message));
            Assert.True(host.Existing.Count == 0, $"{point}: left {string.Join(", ", host.Existing)}");
            Assert.DoesNotContain("apply:EnableSite", host.Calls);
            Assert.Equal(JournalPhase.Finished, (await _h.Journals.ReadAsync(_h.Job.JobId, default))!.Phase);
        }
    }

    [Fact]
    public async Task Resume_ReturnsTheRecordedResultAndRunsNothing_WhenTheJobHadFinishedTest()
    {
        var steps = Steps(_h.Host, failWebroot: true);
        var first = await _h.RunAsync(EngineHarness.Plan(steps));
        var calls = _h.Host.Calls.Count;

        _h.Restart();
        var again = await _h.RunAsync(EngineHarness.Plan(steps), attempt: 2);

        Assert.True(again.FromJournal);
        Assert.Equal((first.Outcome, first.FailedStep, first.Message), (again.Outcome, again.FailedStep, again.Message));
        Assert.Equal(calls, _h.Host.Calls.Count);
    }

    [Fact]
    public async Task Resume_RollsBackInsteadOfRetrying_WhenTheWorkerDiedRightAfterAStepFailedTest()
    {
        await ReferenceJournalAsync(failWebroot: true);
        CrashedJournal.KeepThrough(_h.JournalPath, r => r.Type == JournalRecordType.StepFailed);
        var host = HostAsLeftBy(CrashedJournal.Lines(_h.JournalPath), intentExists: false);
        // The fault is gone now, but the failure was recorded: the decision to roll back stands.
        var steps = Steps(host, failWebroot: false);

        _h.Restart();
        var result = await _h.RunAsync(EngineHarness.Plan(steps), attempt: 2);

        Assert.Equal((PlanOutcome.RolledBack, "Webroot", "boom"), (result.Outcome, result.FailedStep, result.Message));
        Assert.DoesNotContain(host.Calls, c => c.StartsWith("apply:", StringComparison.Ordinal));
        Assert.Empty(host.Existing);
    }

    [Fact]
    public async Task Run_RefusesAnExistingJournalOfTheSameJobIdForAnotherInstance_AndTouchesNothingTest()
    {
        await ReferenceJournalAsync(failWebroot: false);
        CrashedJournal.KeepThrough(_h.JournalPath, r => r.Type == JournalRecordType.Created);
        var stranger = _h.Job with { Instance = _h.Job.Instance with { Name = "stranger" } };
        var host = new FakeHost();

        _h.Restart();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _h.Runner.RunAsync(EngineHarness.Plan(Steps(host, false)), stranger, _h.Events, default));

        Assert.Contains("belongs to instance", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Calls);
    }

    [Fact]
    public async Task Resume_ReappliesTheInterruptedStep_WhichAdoptsWhatThisJobCreated_AndRecordsTheNewAttemptTest()
    {
        await ReferenceJournalAsync(failWebroot: false);
        CrashedJournal.KeepThrough(_h.JournalPath, r => r.Type == JournalRecordType.Created && r.Resource!.Kind == "dir");
        var host = new FakeHost();
        host.Seed(ResourceId.Parse("dbuser:cd_x"), countAsCreation: true);
        host.Seed(ResourceId.Parse("dir:/var/www/x"), countAsCreation: true);
        var steps = Steps(host, failWebroot: false);

        _h.Restart();
        var result = await _h.RunAsync(EngineHarness.Plan(steps), attempt: 3);

        Assert.Equal(PlanOutcome.Succeeded, result.Outcome);
        Assert.Equal(["apply:Webroot", "apply:EnableSite"], host.Calls);
        Assert.Equal(1, host.CreationsOf(ResourceId.Parse("dir:/var/www/x")));
        var journal = await _h.Journals.ReadAsync(_h.Job.JobId, default);
        Assert.Equal(3, journal!.Attempt);
    }

    private async Task<IReadOnlyList<string>> ReferenceJournalAsync(bool failWebroot)
    {
        await _h.RunAsync(EngineHarness.Plan(Steps(new FakeHost(), failWebroot)));
        return CrashedJournal.Lines(_h.JournalPath);
    }

    private async Task<(FakeHost Host, PlanResult Result)> ResumeAfterCrashAsync(IReadOnlyList<string> reference, int count, bool tornTail,
        bool intentExists, bool failWebroot)
    {
        CrashedJournal.Write(_h.JournalPath, reference, count, tornTail);
        var host = HostAsLeftBy(reference.Take(count), intentExists);
        _h.Restart();
        var result = await _h.RunAsync(EngineHarness.Plan(Steps(host, failWebroot)), attempt: 2);
        return (host, result);
    }

    /// <summary>What existed on the host when the worker died: created and not removed, plus (optionally) what it was creating.</summary>
    private static FakeHost HostAsLeftBy(IEnumerable<string> lines, bool intentExists)
    {
        var state = new JournalState();
        foreach (var line in lines)
        {
            state.Apply(CrashedJournal.Parse(line));
        }

        var host = new FakeHost();
        foreach (var step in state.StartedSteps)
        {
            foreach (var resource in state.OutstandingResources(step))
            {
                if (state.ClaimOf(resource) == ResourceClaim.Created || intentExists)
                {
                    host.Seed(resource, countAsCreation: true);
                }
            }
        }

        return host;
    }
}
