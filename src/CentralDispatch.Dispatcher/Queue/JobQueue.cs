using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>
/// The job queue on the store: enqueue, atomic claim, heartbeat, step events and completion, each fenced by
/// (attempt, lease token) so a worker that lost its lease cannot change anything.
/// </summary>
public sealed partial class JobQueue(
    DispatchDbContext db,
    StoreWriteGate gate,
    QueueSignal signal,
    JobActivity activity,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<JobQueue> logger)
{
    private static readonly TimeSpan SeenResolution = TimeSpan.FromSeconds(5);
    private readonly QueueOptions _options = options.Value;

    /// <summary>Queues a job for the instance; refused while another job of the instance is unfinished.</summary>
    /// <param name="parameters">The job's arguments as its action stores them (JSON), or null.</param>
    public async Task<Job> EnqueueAsync(ManagedInstance instance, JobKind kind, string? parameters, string? requestedBy,
        CancellationToken cancellationToken)
    {
        var unfinished = await db.Jobs.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => new { j.Id, j.Kind, j.State })
            .FirstOrDefaultAsync(cancellationToken);
        if (unfinished is not null)
        {
            throw new ConflictException(
                $"Instance '{instance.Name}' already has job {unfinished.Id} ({unfinished.Kind}, {unfinished.State}); wait for it to finish or cancel it.");
        }

        var job = Job.Queue(instance.Id, instance.WorkerId, kind, parameters, requestedBy, time.GetUtcNow());
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>Tells waiting claims of the worker to look again; call after the enqueueing transaction committed.</summary>
    public void NotifyQueued(Guid workerId) => signal.Notify(workerId);

    /// <summary>Claims the oldest queued job of the worker, waiting up to <paramref name="wait"/> for one.</summary>
    public async Task<ClaimedJob?> ClaimAsync(Guid workerId, string owner, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + (wait > _options.PollTimeout ? _options.PollTimeout : wait);
        while (true)
        {
            var woken = signal.Subscribe(workerId);
            var claimed = await TryClaimAsync(workerId, owner, cancellationToken);
            var remaining = deadline - time.GetUtcNow();
            if (claimed is not null || remaining <= TimeSpan.Zero)
            {
                return claimed;
            }

            var recheck = remaining < _options.RecheckInterval ? remaining : _options.RecheckInterval;
            await Task.WhenAny(woken, Task.Delay(recheck, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>One claim attempt: atomically moves the oldest Queued job of the worker to Running under a new lease.</summary>
    public async Task<ClaimedJob?> TryClaimAsync(Guid workerId, string owner, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var _ = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var job = await LeaseOldestAsync(workerId, owner, now, cancellationToken);
            if (job is null)
            {
                await TouchWorkerAsync(workerId, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            var instance = await db.Instances.SingleAsync(i => i.Id == job.InstanceId, cancellationToken);
            var startable = TryStart(instance, job, now);
            await TouchWorkerAsync(workerId, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            activity.Notify(job.Id);
            if (startable)
            {
                LogClaimed(job.Id, instance.Name, job.Kind, job.Attempt, owner);
                return new ClaimedJob(job, instance);
            }
        }
    }

    private async Task<Job?> LeaseOldestAsync(Guid workerId, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        if (db.Provider == StoreProvider.Postgres)
        {
            // One statement: the row lock and SKIP LOCKED let concurrent claimers (other replicas too) pass each other.
            var expires = now + _options.Lease;
            var leased = await db.Jobs.FromSql($"""
                UPDATE jobs SET state = 'Running', lease_owner = {owner}, lease_token = {token},
                    lease_expires_at = {expires}, started_at = COALESCE(started_at, {now})
                WHERE id = (SELECT id FROM jobs WHERE worker_id = {workerId} AND state = 'Queued'
                            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsTracking().ToListAsync(cancellationToken);
            return leased.SingleOrDefault();
        }

        // SQLite: this runs inside a BEGIN IMMEDIATE transaction, so no other writer can interleave.
        var job = await db.Jobs
            .Where(j => j.WorkerId == workerId && j.State == JobState.Queued)
            .OrderBy(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        job?.Claim(owner, token, now, _options.Lease);
        return job;
    }

    private bool TryStart(ManagedInstance instance, Job job, DateTimeOffset now)
    {
        try
        {
            instance.StartJob(job.Kind, now);
            return true;
        }
        catch (IllegalTransitionException e)
        {
            // The instance cannot take this job any more; fail it rather than hand it out again and again.
            job.Abandon($"Refused at claim: {e.Message}", now);
            LogRefusedAtClaim(job.Id, instance.Name, e.Message);
            return false;
        }
    }

    /// <summary>Extends the lease of a job the worker holds; says whether an admin asked it to stop.</summary>
    public async Task<HeartbeatResponse> HeartbeatAsync(Guid workerId, long jobId, ILeasedRequest fence, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var job = await HeldJobAsync(workerId, jobId, fence, cancellationToken);
        var now = time.GetUtcNow();
        job.ExtendLease(now, _options.Lease);
        await TouchWorkerAsync(workerId, now, cancellationToken);
        await SaveFencedAsync(job, cancellationToken);
        return new HeartbeatResponse(job.LeaseExpiresAt!.Value, job.CancelRequested);
    }

    /// <summary>Appends reported step events to a job the worker holds.</summary>
    public async Task<IReadOnlyList<StepEvent>> AppendEventsAsync(Guid workerId, long jobId, ILeasedRequest fence,
        IReadOnlyList<StepEventReport> events, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var job = await HeldJobAsync(workerId, jobId, fence, cancellationToken);
        var recorded = events.Select(e => StepEvent.Record(job.Id, job.Attempt, e.Step!, e.Phase, e.At.ToUniversalTime(),
            e.DurationMs is null ? null : TimeSpan.FromMilliseconds(e.DurationMs.Value), e.Message)).ToList();
        db.StepEvents.AddRange(recorded);
        await SaveFencedAsync(job, cancellationToken);
        activity.Notify(job.Id);
        return recorded;
    }

    /// <summary>Finishes a job the worker holds and moves its instance to the state the outcome implies.</summary>
    public async Task<Job> CompleteAsync(Guid workerId, long jobId, CompleteRequest request, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var job = await OwnJobAsync(workerId, jobId, cancellationToken);
        if (job.WasCompletedUnder(request.Attempt, request.LeaseToken) && job.State == request.Outcome)
        {
            return job; // A retried complete whose first delivery already landed.
        }

        if (!job.IsHeldBy(request.Attempt, request.LeaseToken))
        {
            throw new LeaseConflictException(job.Id, job.State.ToString(), job.Attempt);
        }

        var now = time.GetUtcNow();
        var instance = await db.Instances.SingleAsync(i => i.Id == job.InstanceId, cancellationToken);
        var error = request.Error is null
            ? null
            : new InstanceError(request.Error.Step ?? job.Kind.ToString(), request.Error.Message ?? "", request.Error.Leftovers ?? [], job.Id);
        job.Complete(request.Outcome, error is null ? null : $"{error.Step}: {error.Message}", now);
        var reported = new JobResultFacts(request.Facts?.Url, request.Facts?.ArchivePath, request.Facts?.Release);
        var facts = InstanceActions.ForKind(job.Kind).ResultFacts(job.Parameters, reported);
        instance.FinishJob(job.Kind, request.Outcome, error, facts, now);

        await SaveFencedAsync(job, cancellationToken);
        activity.Notify(job.Id);
        LogCompleted(job.Id, instance.Name, job.Kind, request.Outcome);
        return job;
    }

    /// <summary>Cancels a queued job at once, or asks a running one to stop at its next heartbeat.</summary>
    public async Task<Job> CancelAsync(long jobId, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new NotFoundException($"There is no job {jobId}.");
        job.Cancel(time.GetUtcNow());
        await SaveFencedAsync(job, cancellationToken);
        activity.Notify(job.Id);
        return job;
    }

    private async Task<Job> HeldJobAsync(Guid workerId, long jobId, ILeasedRequest fence, CancellationToken cancellationToken)
    {
        var job = await OwnJobAsync(workerId, jobId, cancellationToken);
        if (!job.IsHeldBy(fence.Attempt, fence.LeaseToken))
        {
            throw new LeaseConflictException(job.Id, job.State.ToString(), job.Attempt);
        }

        return job;
    }

    private async Task<Job> OwnJobAsync(Guid workerId, long jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new NotFoundException($"There is no job {jobId}.");
        return job.WorkerId == workerId ? job : throw new ForbiddenException($"Job {jobId} belongs to another worker.");
    }

    private async Task TouchWorkerAsync(Guid workerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.SingleAsync(w => w.Id == workerId, cancellationToken);
        if (worker.LastSeenAt is null || now - worker.LastSeenAt >= SeenResolution || worker.State is WorkerState.Offline or WorkerState.Enrolled)
        {
            worker.MarkSeen(now);
        }
    }

    private async Task SaveFencedAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone (the reaper, another replica) moved the job since we read it: our view is stale.
            throw new LeaseConflictException(job.Id, "changed by someone else", job.Attempt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}, attempt {Attempt}) of {InstanceName} claimed by {Owner}")]
    private partial void LogClaimed(long jobId, string instanceName, JobKind kind, int attempt, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName} refused at claim: {Reason}")]
    private partial void LogRefusedAtClaim(long jobId, string instanceName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) of {InstanceName} completed: {Outcome}")]
    private partial void LogCompleted(long jobId, string instanceName, JobKind kind, JobState outcome);
}
