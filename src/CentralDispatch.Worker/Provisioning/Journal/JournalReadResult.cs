namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>The complete records of a journal file and where they end; bytes after <see cref="ValidLength"/> are a torn write.</summary>
internal sealed record JournalReadResult(IReadOnlyList<JournalRecord> Records, long ValidLength, long FileLength)
{
    public bool HasTornTail => FileLength > ValidLength;
}
