using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class JournalStoreTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static readonly ResourceId Database = ResourceId.Parse("database:cd_x");

    private async Task WriteStepAsync(JobJournal journal, string step, ResourceId resource)
    {
        await journal.AppendAsync(JournalRecord.ForStep(JournalRecordType.StepStarted, journal.Now, step), default);
        await journal.AppendAsync(JournalRecord.ForResource(JournalRecordType.Intent, journal.Now, step, resource), default);
        await journal.AppendAsync(JournalRecord.ForResource(JournalRecordType.Created, journal.Now, step, resource), default);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Open_CreatesTheJournalWithItsJobStartedRecord_InARootOnlyFileTest()
    {
        await using (var journal = await _h.Journals.OpenAsync(_h.Job, default))
        {
            Assert.True(journal.IsNew);
            Assert.Equal((_h.Job.JobId, _h.Job.Instance.Name, JobKind.Deploy, 1), (journal.State.JobId, journal.State.Instance, journal.State.Kind, journal.State.Attempt));
        }

        var line = Assert.Single(CrashedJournal.Lines(_h.JournalPath));
        Assert.StartsWith("{\"type\":\"JobStarted\",\"at\":\"2025-01-02T03:04:05+00:00\",\"jobId\":", line, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_h.JournalPath));
        Assert.Empty(Directory.GetFiles(_h.Folder, "*.tmp"));
        var fresh = new JournalStore(Path.Combine(_h.Folder, "new"), _h.Time);
        await (await fresh.OpenAsync(_h.Job, default)).DisposeAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fresh.Folder));
    }

    [Fact]
    public async Task Reopen_ReadsBackEveryRecord_AndDoesNotWriteASecondStartTest()
    {
        await using (var journal = await _h.Journals.OpenAsync(_h.Job, default))
        {
            await WriteStepAsync(journal, "Database", Database);
            await journal.AppendAsync(JournalRecord.Note(journal.Now, "webroot.copy", "/var/www/.x-copy"), default);
        }

        await using var reopened = await _h.Journals.OpenAsync(_h.Job, default);

        Assert.False(reopened.IsNew);
        Assert.Equal(ResourceClaim.Created, reopened.State.ClaimOf(Database));
        Assert.Equal("Database", reopened.State.OwnerOf(Database));
        Assert.Equal(StepProgress.Started, reopened.State.ProgressOf("Database"));
        Assert.Equal("/var/www/.x-copy", reopened.State.Notes["webroot.copy"]);
        Assert.Equal(5, CrashedJournal.Lines(_h.JournalPath).Count);
    }

    [Fact]
    public async Task Open_CutsOffATornLastLine_SoTheNextRecordStartsOnItsOwnLineTest()
    {
        await using (var journal = await _h.Journals.OpenAsync(_h.Job, default))
        {
            await WriteStepAsync(journal, "Database", Database);
        }

        await File.AppendAllTextAsync(_h.JournalPath, "{\"type\":\"StepSucc");
        await using (var journal = await _h.Journals.OpenAsync(_h.Job, default))
        {
            Assert.Equal(StepProgress.Started, journal.State.ProgressOf("Database"));
            await journal.AppendAsync(JournalRecord.ForStep(JournalRecordType.StepSucceeded, journal.Now, "Database"), default);
        }

        var state = await _h.Journals.ReadAsync(_h.Job.JobId, default);
        Assert.Equal(StepProgress.Succeeded, state!.ProgressOf("Database"));
        Assert.DoesNotContain("StepSucc\"", await File.ReadAllTextAsync(_h.JournalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RefusesAJournalDamagedBeforeItsLastLine_AndListingShowsTheDamageTest()
    {
        await using (var journal = await _h.Journals.OpenAsync(_h.Job, default))
        {
            await WriteStepAsync(journal, "Database", Database);
        }

        var lines = CrashedJournal.Lines(_h.JournalPath).ToList();
        lines[1] = "{\"type\":";
        await File.WriteAllTextAsync(_h.JournalPath, string.Join('\n', lines) + "\n");

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => _h.Journals.ReadAsync(_h.Job.JobId, default));
        Assert.Equal(2, error.LineNumber);
        var listed = Assert.Single(await _h.Journals.ListUnfinishedAsync(default));
        Assert.Equal(_h.Job.JobId, listed.JobId);
        Assert.Contains("damaged at line 2", listed.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RefusesASecondWriterForTheSameJobTest()
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Journals.OpenAsync(_h.Job, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Journals.AcknowledgeAsync(_h.Job.JobId, default));
    }

    [Fact]
    public async Task ListUnfinished_ReturnsOnlyJobsWithoutAResult_AndFindLatest_ReturnsTheNewestJobOfTheInstanceTest()
    {
        var older = _h.Job with { JobId = 10 };
        var newer = _h.Job with { JobId = 12 };
        var other = _h.Job with { JobId = 11, Instance = _h.Job.Instance with { Name = "other" } };
        await using (var journal = await _h.Journals.OpenAsync(older, default))
        {
            await journal.AppendAsync(JournalRecord.JobFinished(journal.Now, PlanResult.Succeeded()), default);
        }

        await (await _h.Journals.OpenAsync(newer, default)).DisposeAsync();
        await (await _h.Journals.OpenAsync(other, default)).DisposeAsync();

        var unfinished = await _h.Journals.ListUnfinishedAsync(default);
        var latest = await _h.Journals.FindLatestForInstanceAsync(_h.Job.Instance.Name, default);

        Assert.Equal([11L, 12L], unfinished.Select(s => s.JobId));
        Assert.Equal([10L, 11L, 12L], (await _h.Journals.ListUnacknowledgedAsync(default)).Select(s => s.JobId));
        Assert.Equal(12, latest!.JobId);
        Assert.Null(await _h.Journals.FindLatestForInstanceAsync("nobody", default));
    }

    [Fact]
    public async Task Acknowledge_RemovesAFinishedCleanJournal_KeepsOneWithLeftovers_AndRefusesAnUnfinishedOneTest()
    {
        var clean = _h.Job with { JobId = 1 };
        var left = _h.Job with { JobId = 2 };
        var running = _h.Job with { JobId = 3 };
        await FinishAsync(clean, new PlanResult(PlanOutcome.RolledBack, "Database", "boom", []));
        await FinishAsync(left, new PlanResult(PlanOutcome.NeedsAttention, "Database", "boom", [new Leftover(Database, "in use")]));
        await (await _h.Journals.OpenAsync(running, default)).DisposeAsync();

        Assert.True(await _h.Journals.AcknowledgeAsync(1, default));
        Assert.False(await _h.Journals.AcknowledgeAsync(2, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Journals.AcknowledgeAsync(3, default));
        Assert.False(await _h.Journals.AcknowledgeAsync(404, default));

        Assert.False(File.Exists(_h.Journals.PathOf(1)));
        var kept = await _h.Journals.ReadAsync(2, default);
        Assert.True(kept!.Acknowledged);
        Assert.Equal("database:cd_x — in use", Assert.Single(kept.Result!.Leftovers).ToString());
        Assert.True(File.Exists(_h.Journals.PathOf(3)));
    }

    [Fact]
    public void DirectoryFsync_SucceedsOnTheJournalFolder_AndFailsLoudlyOnAMissingOneTest()
    {
        NativeFileSystem.FlushDirectory(_h.Folder);

        var error = Assert.ThrowsAny<IOException>(() => NativeFileSystem.FlushDirectory(Path.Combine(_h.Folder, "missing")));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    private async Task FinishAsync(ProvisioningJob job, PlanResult result)
    {
        await using var journal = await _h.Journals.OpenAsync(job, default);
        await journal.AppendAsync(JournalRecord.JobFinished(journal.Now, result), default);
    }
}
