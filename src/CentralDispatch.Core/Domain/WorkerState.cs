namespace CentralDispatch.Core.Domain;

/// <summary>Where a registered host stands with the dispatcher.</summary>
public enum WorkerState
{
    /// <summary>Registered, never said hello. Left by the first hello.</summary>
    Enrolled,
    /// <summary>Seen recently. Left when the reaper finds it silent, or by a drain.</summary>
    Online,
    /// <summary>Not seen for longer than the offline threshold. Left by its next hello or claim.</summary>
    Offline,
    /// <summary>Takes no new instances; finishes what it has. Set by an admin; stays until the worker is removed.</summary>
    Draining,
}
