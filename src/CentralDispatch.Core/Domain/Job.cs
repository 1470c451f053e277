namespace CentralDispatch.Core.Domain;

/// <summary>One operation on one instance, run by the instance's worker under a lease.</summary>
public sealed class Job
{
    private Job()
    {
    }

    public long Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public Guid WorkerId { get; private set; }
    public JobKind Kind { get; private set; }
    public JobState State { get; private set; }
    public int Attempt { get; private set; }
    /// <summary>Kind-specific input (target release, new certificate), as JSON; secrets inside are encrypted.</summary>
    public string? Parameters { get; private set; }
    public string? LeaseOwner { get; private set; }
    /// <summary>Fencing token: every report after a claim must carry it; a new claim or requeue replaces it.</summary>
    public Guid? LeaseToken { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public bool CancelRequested { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Error { get; private set; }
    public string? RequestedBy { get; private set; }

    public static Job Queue(Guid instanceId, Guid workerId, JobKind kind, string? parameters, string? requestedBy,
        DateTimeOffset now) => new()
    {
        InstanceId = instanceId,
        WorkerId = workerId,
        Kind = kind,
        State = JobState.Queued,
        Attempt = 1,
        Parameters = parameters,
        RequestedBy = requestedBy,
        CreatedAt = now,
    };

    public bool IsFinished => State.IsFinished();

    /// <summary>True when the caller holds the current lease of this running job.</summary>
    public bool IsHeldBy(int attempt, Guid leaseToken) =>
        State == JobState.Running && Attempt == attempt && LeaseToken == leaseToken;

    /// <summary>True when this job was completed under exactly this lease (a repeated complete is then harmless).</summary>
    public bool WasCompletedUnder(int attempt, Guid leaseToken) =>
        IsFinished && Attempt == attempt && LeaseToken == leaseToken;

    public void Claim(string owner, Guid leaseToken, DateTimeOffset now, TimeSpan lease)
    {
        Require(JobState.Queued, "claim");
        State = JobState.Running;
        LeaseOwner = owner;
        LeaseToken = leaseToken;
        LeaseExpiresAt = now + lease;
        StartedAt ??= now;
    }

    public void ExtendLease(DateTimeOffset now, TimeSpan lease)
    {
        Require(JobState.Running, "heartbeat");
        LeaseExpiresAt = now + lease;
    }

    /// <summary>The lease expired: hand the job back to the queue for the same worker, as the next attempt.</summary>
    public void Requeue()
    {
        Require(JobState.Running, "requeue");
        State = JobState.Queued;
        Attempt++;
        LeaseOwner = null;
        LeaseToken = null;
        LeaseExpiresAt = null;
    }

    public void Complete(JobState outcome, string? error, DateTimeOffset now)
    {
        Require(JobState.Running, "complete");
        if (!outcome.IsReportableOutcome())
        {
            throw new DomainException($"'{outcome}' is not a job outcome; use Succeeded, Failed, RolledBack, NeedsAttention or Cancelled.");
        }

        Finish(outcome, error, now);
    }

    /// <summary>Gives up on a job whose leases kept expiring.</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        Require(JobState.Running, "abandon");
        Finish(JobState.Failed, reason, now);
    }

    /// <summary>
    /// Cancels a queued job that no worker has started at once; asks any other unfinished job to stop (its worker sees
    /// it on its next heartbeat, rolls back and reports Cancelled).
    /// </summary>
    /// <returns>True when the job is now Cancelled; false when cancellation was only requested.</returns>
    public bool Cancel(DateTimeOffset now)
    {
        switch (State)
        {
            case JobState.Queued when StartedAt is null:
                Finish(JobState.Cancelled, "Cancelled before it started.", now);
                return true;
            case JobState.Queued or JobState.Running:
                // Queued again after a lost lease (a killed worker): the earlier attempt may have changed the host, and
                // only its worker's journal says how. Ending it here would leave that half-done on the host and the
                // instance in its in-progress state; the next attempt carries the cancel to the worker, which rolls back.
                CancelRequested = true;
                return false;
            default:
                throw new IllegalTransitionException($"Job {Id}", State.ToString(), "cancel", "Only queued or running jobs can be cancelled.");
        }
    }

    private void Finish(JobState state, string? error, DateTimeOffset now)
    {
        State = state;
        Error = error;
        FinishedAt = now;
        // The lease token stays: it identifies who finished the job, so a retried complete can be recognised.
        LeaseExpiresAt = null;
    }

    private void Require(JobState expected, string attempted)
    {
        if (State != expected)
        {
            throw new IllegalTransitionException($"Job {Id}", State.ToString(), attempted);
        }
    }
}
