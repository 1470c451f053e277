namespace CentralDispatch.Core.Domain;

/// <summary>The closed set of job states; each says who moves a job out of it.</summary>
public enum JobState
{
    /// <summary>Waiting for its worker. Left by a claim (Running) or a cancel (Cancelled).</summary>
    Queued,
    /// <summary>Leased to its worker. Left by complete, by the reaper (Queued again, or Failed), never otherwise.</summary>
    Running,
    /// <summary>Final: every step applied and verified.</summary>
    Succeeded,
    /// <summary>Final: failed without a clean rollback report (e.g. lease lost too often).</summary>
    Failed,
    /// <summary>Final: a step failed and everything the job created was removed.</summary>
    RolledBack,
    /// <summary>Final: a step failed and rollback left something behind; the instance lists it.</summary>
    NeedsAttention,
    /// <summary>Final: cancelled before it ran, or cancelled while running and rolled back.</summary>
    Cancelled,
}

/// <summary>Helpers over <see cref="JobState"/>.</summary>
public static class JobStates
{
    public static bool IsFinished(this JobState state) => state is not (JobState.Queued or JobState.Running);

    /// <summary>The states a worker may report when it completes a job.</summary>
    public static bool IsReportableOutcome(this JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.RolledBack or JobState.NeedsAttention or JobState.Cancelled;
}
