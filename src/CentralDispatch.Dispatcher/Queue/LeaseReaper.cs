using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>
/// Hands back jobs whose lease expired (to the same worker: the instance's files live on its host), gives up
/// after the configured number of attempts, and marks silent workers Offline.
/// </summary>
public sealed partial class LeaseReaper(
    DispatchDbContext db,
    StoreWriteGate gate,
    QueueSignal signal,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<LeaseReaper> logger)
{
    private readonly QueueOptions _options = options.Value;

    /// <summary>One sweep; returns what it did, for tests and logs.</summary>
    public async Task<ReaperSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requeued = 0;
        var abandoned = 0;
        var expiredIds = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Running && j.LeaseExpiresAt < now)
            .OrderBy(j => j.Id)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in expiredIds)
        {
            var outcome = await ReapAsync(id, now, cancellationToken);
            requeued += outcome == JobState.Queued ? 1 : 0;
            abandoned += outcome == JobState.Failed ? 1 : 0;
        }

        var offline = await MarkSilentWorkersAsync(now, cancellationToken);
        return new ReaperSweep(requeued, abandoned, offline);
    }

    private async Task<JobState?> ReapAsync(long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        if (job.State != JobState.Running || job.LeaseExpiresAt >= now)
        {
            return null; // Renewed or finished since we looked.
        }

        var expiredAttempt = job.Attempt;
        if (job.Attempt >= _options.MaxAttempts)
        {
            var instance = await db.Instances.SingleAsync(i => i.Id == job.InstanceId, cancellationToken);
            var reason = $"The worker stopped renewing the lease {job.Attempt} times; what exists on the host is not known. Back the instance out, then retry.";
            job.Abandon(reason, now);
            // Nobody knows what the last attempt left on the host: the instance needs attention (a back-out), whatever the kind.
            instance.FinishJob(job.Kind, JobState.NeedsAttention, new InstanceError("Lease", reason, [], job.Id), JobResultFacts.None, now);
        }
        else
        {
            job.Requeue();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // Another reaper or a late heartbeat won; nothing to do.
        }

        if (job.State == JobState.Queued)
        {
            signal.Notify(job.WorkerId);
            LogRequeued(job.Id, expiredAttempt, job.Attempt);
        }
        else
        {
            LogAbandoned(job.Id, expiredAttempt);
        }

        return job.State;
    }

    private async Task<int> MarkSilentWorkersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var silentSince = now - _options.OfflineAfter;
        using var _ = await gate.EnterAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var silent = await db.Workers
            .Where(w => w.State == WorkerState.Online && w.RemovedAt == null && w.LastSeenAt < silentSince)
            .ToListAsync(cancellationToken);
        var marked = silent.Count(w => w.MarkOfflineIfSilent(silentSince));
        if (marked > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return marked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease of job {JobId} attempt {Attempt} expired; requeued as attempt {NextAttempt}")]
    private partial void LogRequeued(long jobId, int attempt, int nextAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease of job {JobId} expired on attempt {Attempt}, the last allowed; job failed")]
    private partial void LogAbandoned(long jobId, int attempt);
}
