namespace CentralDispatch.Dispatcher.Queue;

/// <summary>What one reaper sweep did.</summary>
public sealed record ReaperSweep(int Requeued, int Abandoned, int MarkedOffline);
