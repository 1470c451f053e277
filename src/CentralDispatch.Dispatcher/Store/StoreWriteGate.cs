namespace CentralDispatch.Dispatcher.Store;

/// <summary>
/// Serialises write transactions in this process when the store is SQLite, which allows one writer at a time:
/// waiting here is cheaper and fairer than SQLite's busy-retry loop. On PostgreSQL it lets everything through.
/// </summary>
public sealed class StoreWriteGate(StoreProvider provider) : IDisposable
{
    private readonly SemaphoreSlim? _gate = provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(cancellationToken);
        }

        return new Releaser(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    /// <summary>Leaves the gate when disposed.</summary>
    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
