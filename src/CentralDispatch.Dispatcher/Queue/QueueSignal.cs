namespace CentralDispatch.Dispatcher.Queue;

/// <summary>Wakes a worker's waiting claims when a job is queued for it in this process.</summary>
public sealed class QueueSignal : Signal<Guid>;
