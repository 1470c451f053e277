using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// One claimed job, from its first heartbeat to its acknowledged completion. The lease is renewed throughout and no
/// step runs before the first renewal succeeded (as actions/runner does). A cancel request cancels the job's token
/// (the engine rolls back and ends Cancelled, which is reported); a lost lease does the same but reports nothing,
/// because the lease is gone; host shutdown lets the step in flight finish and reports nothing (the next attempt
/// resumes from the journal). Step events go out in batches; the journal is acknowledged once the dispatcher
/// acknowledged the completion.
/// </summary>
public sealed class JobExecution
{
    private readonly JobAssignment _job;
    private readonly TimeSpan _heartbeatInterval;
    private readonly JobExecutionFactory _services;

    internal JobExecution(JobAssignment job, TimeSpan heartbeatInterval, JobExecutionFactory services)
    {
        _job = job;
        _heartbeatInterval = heartbeatInterval;
        _services = services;
    }

    public long JobId => _job.JobId;

    public string InstanceName => _job.Instance.Name;

    /// <param name="hostStopping">The worker is shutting down: finish the step in flight, then stop.</param>
    public async Task<JobExecutionResult> RunAsync(CancellationToken hostStopping)
    {
        var s = _services;
        AgentLog.Claimed(s.Logger, _job.JobId, _job.Kind, _job.Attempt, InstanceName);
        // From the claim on this job may ask for a reload: another job's lone request must then wait for company.
        using var requester = s.ReloadRequesters.Enter();
        await using var lease = new LeaseKeeper(s.Client, _job, _heartbeatInterval, s.Options, s.TimeProvider, s.Logger);
        await using var events = new EventBatcher(s.Client, _job, s.Options, s.TimeProvider, s.Logger);
        using var abandonEvents = lease.Lost.Register(events.Abandon);
        lease.Start();
        events.Start();

        bool renewed;
        try
        {
            renewed = await lease.FirstRenewal.WaitAsync(hostStopping);
        }
        catch (OperationCanceledException) when (hostStopping.IsCancellationRequested)
        {
            AgentLog.Interrupted(s.Logger, _job.JobId, InstanceName);
            return JobExecutionResult.Interrupted;
        }

        if (!renewed)
        {
            // Nothing ran: a job whose lease is already gone must not touch the host.
            return JobExecutionResult.LeaseLost;
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, hostStopping);
        IDisposable instanceLock;
        try
        {
            instanceLock = await s.Locks.AcquireAsync(InstanceName, stopWaiting.Token);
        }
        catch (OperationCanceledException) when (stopWaiting.IsCancellationRequested)
        {
            return lease.IsLost ? JobExecutionResult.LeaseLost : JobExecutionResult.Interrupted;
        }

        using (instanceLock)
        {
            // Saved under the instance lock: an earlier attempt still rolling back cannot delete it afterwards.
            await SaveLeaseAsync();
            var ran = await RunPlanAsync(lease, events, hostStopping);
            return await ReportAsync(ran, lease, events, hostStopping);
        }
    }

    private async Task<Ran> RunPlanAsync(LeaseKeeper lease, EventBatcher events, CancellationToken hostStopping)
    {
        var s = _services;
        var job = ProvisioningJob.From(_job);
        // The engine sees one "job cancelled" token: an admin's cancel or the lost lease; both roll back.
        using var jobCancelled = CancellationTokenSource.CreateLinkedTokenSource(lease.CancelRequested, lease.Lost);
        try
        {
            var run = s.Plans.Create(job);
            if (run.Kind == PlanRunKind.Forward)
            {
                var result = await s.Runner.RunAsync(run.Plan, job, events, new JobCancellation(jobCancelled.Token, hostStopping));
                return new Ran(result, run.Kind, null, null);
            }

            var latest = await s.Journals.FindLatestForInstanceAsync(InstanceName, hostStopping);
            if ((latest is null || latest.JobId == job.JobId) && run.WithoutJournal is { } byTags)
            {
                // No journal to roll back (or this back-out's own, from an earlier attempt): remove by ownership tags.
                var removed = await s.Runner.RunAsync(byTags, job, events, new JobCancellation(jobCancelled.Token, hostStopping));
                return new Ran(removed, PlanRunKind.Forward, null, null);
            }

            if (latest is null)
            {
                return new Ran(new PlanResult(PlanOutcome.RolledBack, null, "this worker has no journal of the instance: nothing to back out", []),
                    run.Kind, null, null);
            }

            var rolledBack = await s.Runner.RollBackAsync(run.ForJournal(latest.Kind), job, latest.JobId, events, $"backed out by job {job.JobId}", hostStopping);
            return new Ran(rolledBack, run.Kind, latest.JobId, null);
        }
        catch (OperationCanceledException) when (hostStopping.IsCancellationRequested)
        {
            return new Ran(new PlanResult(PlanOutcome.Interrupted, null, "the worker stopped before the job started", []), PlanRunKind.Forward, null, null);
        }
        catch (Exception e)
        {
            // No plan, or a journal that cannot be used: the job fails with why, and its journal (if any) is kept.
            AgentLog.RunFailed(s.Logger, _job.JobId, InstanceName, e);
            return new Ran(null, PlanRunKind.Forward, null, e.Message);
        }
    }

    private async Task<JobExecutionResult> ReportAsync(Ran ran, LeaseKeeper lease, EventBatcher events, CancellationToken hostStopping)
    {
        var s = _services;
        if (lease.IsLost)
        {
            AgentLog.NotReported(s.Logger, _job.JobId, InstanceName, ran.Result?.Outcome.ToString() ?? "Failed");
            DeleteLease();
            return JobExecutionResult.LeaseLost;
        }

        // Reporting is retried while the lease lasts, but for one lease length at most: heartbeats that succeed while
        // every complete fails must not hold a slot for ever. While the host stops, one try each. Whatever is not
        // reported stays in the journal, with the saved lease, for a restart or the next attempt.
        var giveUpAt = s.TimeProvider.GetUtcNow() + _job.Lease;
        DateTimeOffset Deadline() => hostStopping.IsCancellationRequested ? DateTimeOffset.MinValue
            : lease.Deadline < giveUpAt ? lease.Deadline : giveUpAt;
        var backoff = new Backoff(s.Options.BackoffMin, s.Options.BackoffMax);
        if (ran.Result?.Outcome == PlanOutcome.Interrupted)
        {
            await FlushAsync(events, backoff, Deadline, hostStopping);
            AgentLog.Interrupted(s.Logger, _job.JobId, InstanceName);
            return JobExecutionResult.Interrupted;
        }

        var request = ran.Result is null
            ? Completion.Failed(_job.Attempt, _job.LeaseToken, ran.Failure ?? "unknown error")
            : Completion.FromPlan(_job.Attempt, _job.LeaseToken, ran.Kind, ran.Result, await FactsAsync(ran));
        await FlushAsync(events, backoff, Deadline, hostStopping);
        try
        {
            backoff.Reset();
            await DeliveryRetry.RunAsync(_ => s.Client.CompleteAsync(_job.JobId, request, CancellationToken.None), backoff, Deadline,
                s.TimeProvider, hostStopping);
        }
        catch (LeaseLostException)
        {
            AgentLog.NotReported(s.Logger, _job.JobId, InstanceName, request.Outcome.ToString());
            DeleteLease();
            return JobExecutionResult.LeaseLost;
        }
        catch (Exception e) when (e is DispatcherUnavailableException or DispatcherCredentialException or DispatcherRejectedException
                                      or OperationCanceledException)
        {
            AgentLog.ReportFailed(s.Logger, _job.JobId, InstanceName, e.Message);
            return JobExecutionResult.Unreported;
        }

        await lease.StopAsync();
        AgentLog.Reported(s.Logger, _job.JobId, InstanceName, request.Outcome);
        if (ran.Result is not null)
        {
            await AcknowledgeAsync(_job.JobId);
            if (ran.RolledBackJournal is { } backedOut)
            {
                await AcknowledgeAsync(backedOut);
            }
        }

        DeleteLease();
        return JobExecutionResult.Completed;
    }

    private async Task FlushAsync(EventBatcher events, Backoff backoff, Func<DateTimeOffset> deadline, CancellationToken hostStopping)
    {
        try
        {
            await DeliveryRetry.RunAsync(_ => events.FlushAsync(CancellationToken.None), backoff, deadline, _services.TimeProvider, hostStopping);
        }
        catch (Exception e) when (e is DispatcherUnavailableException or OperationCanceledException)
        {
            // The completion matters more than the events: try it anyway.
            AgentLog.EventsDeferred(_services.Logger, _job.JobId, InstanceName, e.Message);
        }
    }

    private async Task<JobFactsReport?> FactsAsync(Ran ran)
    {
        // A failed forward run may have facts too: a decommission that could not remove everything has its archive.
        if (ran.Kind != PlanRunKind.Forward || ran.Result is null)
        {
            return null;
        }

        var journal = await _services.Journals.ReadAsync(_job.JobId, CancellationToken.None);
        return journal is null ? null : JobFacts.FromNotes(journal.Notes);
    }

    private async Task AcknowledgeAsync(long jobId)
    {
        try
        {
            await _services.Journals.AcknowledgeAsync(jobId, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            AgentLog.AcknowledgeFailed(_services.Logger, jobId, e);
        }
    }

    private async Task SaveLeaseAsync()
    {
        try
        {
            await _services.Leases.SaveAsync(new HeldLease(_job.JobId, _job.Attempt, _job.LeaseToken, _job.LeaseExpiresAt), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AgentLog.LeaseNotSaved(_services.Logger, _job.JobId, e);
        }
    }

    private void DeleteLease()
    {
        try
        {
            _services.Leases.Delete(_job.JobId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale lease only costs one refused completion at the next start.
        }
    }

    /// <summary>What the plan run gave: its result (null when it could not run, with <see cref="Failure"/>), and a backed-out journal.</summary>
    private sealed record Ran(PlanResult? Result, PlanRunKind Kind, long? RolledBackJournal, string? Failure);
}
