using System.Collections.Concurrent;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>Wakes a worker's waiting claims when a job is queued for it in this process.</summary>
public sealed class QueueSignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>Subscribe before looking for work, then await the task: a job queued in between is not missed.</summary>
    public Task Subscribe(Guid workerId) =>
        _waiters.GetOrAdd(workerId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(Guid workerId)
    {
        if (_waiters.TryRemove(workerId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
