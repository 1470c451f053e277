using System.Collections.Concurrent;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>An in-process wake-up per key: waiters subscribe, a notify wakes all of them once.</summary>
public class Signal<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TaskCompletionSource> _waiters = new();

    /// <summary>Subscribe before looking, then await the task: a notify in between is not missed.</summary>
    public Task Subscribe(TKey key) =>
        _waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(TKey key)
    {
        if (_waiters.TryRemove(key, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
