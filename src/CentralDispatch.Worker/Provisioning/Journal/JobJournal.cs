namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>
/// The open, append-only journal of one job. Every append is written through and fsync'd before it returns, so a
/// record that was returned from is on disk. One writer per job: the store refuses a second open.
/// </summary>
public sealed class JobJournal : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly TimeProvider _timeProvider;
    private readonly Action _release;
    private readonly Lock _gate = new();
    private bool _disposed;

    internal JobJournal(string path, FileStream stream, JournalState state, bool isNew, TimeProvider timeProvider, Action release)
    {
        Path = path;
        IsNew = isNew;
        _stream = stream;
        State = state;
        _timeProvider = timeProvider;
        _release = release;
    }

    public string Path { get; }

    /// <summary>The journal so far, including every record appended through this object.</summary>
    public JournalState State { get; }

    public long JobId => State.JobId;

    /// <summary>True when this open created the journal; false when it was already there (a resumed job).</summary>
    public bool IsNew { get; }

    /// <summary>The time to stamp on a record written now.</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <summary>
    /// Appends one record and fsyncs it. The token is checked only before writing: a record is never abandoned
    /// halfway. Write errors propagate: without its journal the engine cannot promise a safe rollback.
    /// </summary>
    public Task AppendAsync(JournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var line = JournalJson.SerializeLine(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
            State.Apply(record);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stream.DisposeAsync();
        _release();
    }
}
