namespace CentralDispatch.Worker.Agent;

/// <summary>
/// One job per instance at a time on this worker. The dispatcher promises it too, but a job whose lease was lost
/// may still be rolling back here when its next attempt is claimed: that attempt waits for it.
/// </summary>
public sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True while a job of the instance holds, or waits for, its lock.</summary>
    public bool IsBusy(string instance)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(instance);
        }
    }

    public async Task<IDisposable> AcquireAsync(string instance, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(instance, out entry!))
            {
                entry = new Entry();
                _entries[instance] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(instance, entry);
            throw;
        }

        return new Holder(this, instance, entry);
    }

    private void Leave(string instance, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(instance);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Holder(InstanceLocks owner, string instance, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(instance, entry);
            }
        }
    }
}
