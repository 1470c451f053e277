using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>
/// The job's scratch state (e.g. the path a tree was copied to), journaled so it survives a resume. Never a secret:
/// the journal is not a secrets store; passwords go to the root-only secrets file.
/// </summary>
public sealed class JobNotes
{
    private static readonly string[] SecretWords = ["password", "secret", "privatekey", "private-key", "private_key"];
    private readonly JobJournal _journal;
    private readonly CancellationToken _cancellationToken;

    internal JobNotes(JobJournal journal, CancellationToken cancellationToken)
    {
        _journal = journal;
        _cancellationToken = cancellationToken;
    }

    public string? Get(string key) => _journal.State.Notes.GetValueOrDefault(key);

    /// <summary>Journals the value (fsync'd) before returning, so a resumed attempt reads it back.</summary>
    public Task SetAsync(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Note '{key}' looks like a secret; the journal must never hold one.", nameof(key));
        }

        return _journal.AppendAsync(JournalRecord.Note(_journal.Now, key, value), _cancellationToken);
    }
}
