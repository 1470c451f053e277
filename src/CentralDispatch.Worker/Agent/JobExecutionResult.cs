namespace CentralDispatch.Worker.Agent;

/// <summary>How one job execution ended, from the agent's side.</summary>
public enum JobExecutionResult
{
    /// <summary>The dispatcher acknowledged the job's outcome (whatever it was); the journal was acknowledged.</summary>
    Completed,

    /// <summary>The lease was lost (or refused): the job stopped, rolled back what it did, and reported nothing.</summary>
    LeaseLost,

    /// <summary>The worker is stopping: the step in flight finished, nothing was reported; the next attempt resumes.</summary>
    Interrupted,

    /// <summary>The job has a result but the dispatcher could not be told before the lease ran out; the journal keeps it.</summary>
    Unreported,
}
