using CentralDispatch.Worker.Machine.Files;
using System.Collections.Concurrent;
using System.Globalization;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>
/// The journal folder (<c>/var/lib/centraldispatch/journal/</c> in production): one <c>JOBID.jsonl</c> per job,
/// kept until the dispatcher has acknowledged the job's result.
/// </summary>
public sealed class JournalStore(string folder, TimeProvider timeProvider)
{
    public const string Extension = ".jsonl";

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ConcurrentDictionary<long, byte> _open = new();

    public string Folder { get; } = Path.GetFullPath(folder);

    public string PathOf(long jobId) => Path.Combine(Folder, jobId.ToString(CultureInfo.InvariantCulture) + Extension);

    /// <summary>
    /// Opens the job's journal for appending, creating it with a <see cref="JournalRecordType.JobStarted"/> record when
    /// it does not exist. An existing journal is returned as it is (the caller decides whether to resume).
    /// </summary>
    public async Task<JobJournal> OpenAsync(ProvisioningJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        CreateFolder();
        Acquire(job.JobId);
        try
        {
            var path = PathOf(job.JobId);
            var isNew = !File.Exists(path);
            if (isNew)
            {
                CreateAtomically(path, JournalRecord.JobStarted(timeProvider.GetUtcNow(), job));
            }

            return await OpenForAppendAsync(job.JobId, path, isNew, cancellationToken);
        }
        catch
        {
            Release(job.JobId);
            throw;
        }
    }

    /// <summary>Opens an existing journal for appending (recovery, back-out), or returns null when there is none.</summary>
    public async Task<JobJournal?> OpenExistingAsync(long jobId, CancellationToken cancellationToken)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path))
        {
            return null;
        }

        Acquire(jobId);
        try
        {
            return await OpenForAppendAsync(jobId, path, isNew: false, cancellationToken);
        }
        catch
        {
            Release(jobId);
            throw;
        }
    }

    /// <summary>Reads a journal without opening it for writing; null when there is none.</summary>
    public async Task<JournalState?> ReadAsync(long jobId, CancellationToken cancellationToken)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path))
        {
            return null;
        }

        return Fold((await JournalReader.ReadAsync(path, cancellationToken)).Records);
    }

    /// <summary>Every journal in the folder; one that cannot be read is listed with its damage, never skipped.</summary>
    public async Task<IReadOnlyList<JournalSummary>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var summaries = new List<JournalSummary>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            if (!long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var jobId))
            {
                continue;
            }

            summaries.Add(await SummarizeAsync(jobId, path, cancellationToken));
        }

        return summaries.OrderBy(s => s.JobId).ToList();
    }

    /// <summary>Journals of jobs that have no result yet: to resume or roll back when the worker starts.</summary>
    public async Task<IReadOnlyList<JournalSummary>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(s => s.Phase != JournalPhase.Finished).ToList();

    /// <summary>
    /// Journals the dispatcher has not acknowledged: on start-up, resume the unfinished ones and send the result of
    /// the finished ones again (the worker may have died between finishing and reporting).
    /// </summary>
    public async Task<IReadOnlyList<JournalSummary>> ListUnacknowledgedAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(s => !s.Acknowledged).ToList();

    /// <summary>The newest journal of an instance (highest job id): what a back-out rolls back from.</summary>
    public async Task<JournalSummary?> FindLatestForInstanceAsync(string instance, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(s => s.Instance == instance).MaxBy(s => s.JobId);

    /// <summary>
    /// The dispatcher has recorded the job's result. The journal is removed, unless rollback left something behind:
    /// then it is marked acknowledged and kept, because a back-out rolls back from it. Returns true when removed.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var journal = await OpenExistingAsync(jobId, cancellationToken);
        if (journal is null)
        {
            return false;
        }

        var state = journal.State;
        if (state.Phase != JournalPhase.Finished)
        {
            throw new InvalidOperationException(
                $"The journal of job {jobId} is {state.Phase}: it is kept until the job has a result, or what the job created could not be rolled back.");
        }

        if (state.Result is { Leftovers.Count: > 0 })
        {
            if (!state.Acknowledged)
            {
                await journal.AppendAsync(JournalRecord.Acknowledged(journal.Now), cancellationToken);
            }

            return false;
        }

        File.Delete(journal.Path);
        NativeFileSystem.FlushDirectory(Folder);
        return true;
    }

    private async Task<JournalSummary> SummarizeAsync(long jobId, string path, CancellationToken cancellationToken)
    {
        try
        {
            return JournalSummary.From(Fold((await JournalReader.ReadAsync(path, cancellationToken)).Records));
        }
        catch (JournalCorruptException e)
        {
            return new JournalSummary(jobId, "", default, 0, JournalPhase.Running, null, false, e.Message);
        }
    }

    private async Task<JobJournal> OpenForAppendAsync(long jobId, string path, bool isNew, CancellationToken cancellationToken)
    {
        var read = await JournalReader.ReadAsync(path, cancellationToken);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete, 4096, FileOptions.WriteThrough);
        try
        {
            if (read.HasTornTail)
            {
                // Cut the torn write off, or the next record would be glued to it and the journal damaged mid-file.
                stream.SetLength(read.ValidLength);
                stream.Flush(flushToDisk: true);
            }

            stream.Seek(0, SeekOrigin.End);
            return new JobJournal(path, stream, Fold(read.Records), isNew, timeProvider, () => Release(jobId));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private void CreateAtomically(string path, JournalRecord first)
    {
        // Written aside and renamed: a journal file never exists without its JobStarted record.
        var temporary = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode0600;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(JournalJson.SerializeLine(first));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
        NativeFileSystem.FlushDirectory(Folder);
    }

    private void CreateFolder()
    {
        // Root-only: the journal names every database, user and path of every instance on the host.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, FolderMode);
        }
    }

    private static JournalState Fold(IEnumerable<JournalRecord> records)
    {
        var state = new JournalState();
        foreach (var record in records)
        {
            state.Apply(record);
        }

        return state;
    }

    private void Acquire(long jobId)
    {
        if (!_open.TryAdd(jobId, 0))
        {
            throw new InvalidOperationException($"The journal of job {jobId} is already open: one job runs once at a time.");
        }
    }

    private void Release(long jobId) => _open.TryRemove(jobId, out _);
}
