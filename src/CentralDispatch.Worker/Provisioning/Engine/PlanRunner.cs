using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>
/// Runs a job's plan with its write-ahead journal: forward step by step, rolling back on any failure, and resuming
/// from the journal when the job was already started (a killed worker, or the lease handed back as a new attempt).
/// </summary>
public sealed class PlanRunner
{
    private readonly JournalStore _journals;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PlanRunner> _logger;
    private readonly StepRunner _steps;
    private readonly RollbackRunner _rollback;

    public PlanRunner(JournalStore journals, IOptions<PlanRunnerOptions> options, TimeProvider timeProvider, ILogger<PlanRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _journals = journals;
        _timeProvider = timeProvider;
        _logger = logger;
        _steps = new StepRunner(options.Value, timeProvider, logger);
        _rollback = new RollbackRunner(options.Value, timeProvider, logger);
    }

    /// <summary>
    /// Runs (or resumes) the job. A journal with a result returns that result and runs nothing; one that was rolling
    /// back finishes the rollback; otherwise the plan continues from the first step not marked succeeded.
    /// </summary>
    public async Task<PlanResult> RunAsync(ProvisioningPlan plan, ProvisioningJob job, IStepEventSink events, JobCancellation cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(job);
        using var scope = BeginScope(job);
        await using var journal = await _journals.OpenAsync(job, cancellation.HostStopping);
        var state = journal.State;
        EnsureSameInstance(journal, job);
        if (state.Phase == JournalPhase.Finished && state.Result is { } recorded)
        {
            PlanRunnerLog.Replayed(_logger, job.JobId, job.Instance.Name, recorded.Outcome);
            return recorded;
        }

        if (!journal.IsNew)
        {
            PlanRunnerLog.Resumed(_logger, job.JobId, job.Instance.Name, job.Attempt, state.Phase);
            await journal.AppendAsync(JournalRecord.JobStarted(journal.Now, job), CancellationToken.None);
        }

        var stepEvents = new StepEvents(events, _timeProvider);
        var result = state.Phase == JournalPhase.RollingBack
            ? await _rollback.RunAsync(plan, job, journal, stepEvents, state.RollbackCause ?? new RollbackCause(null, null, false))
            : await RunForwardAsync(plan, job, journal, stepEvents, cancellation);
        PlanRunnerLog.Finished(_logger, job.JobId, job.Instance.Name, result.Outcome);
        return result;
    }

    /// <summary>
    /// Rolls back everything the journal of job <paramref name="journalJobId"/> says it created and has not removed:
    /// a back-out of a failed instance (<paramref name="job"/> is the back-out job), or a job whose lease was lost.
    /// The token only bounds opening the journal; once started, rollback is never cancelled.
    /// </summary>
    public async Task<PlanResult> RollBackAsync(ProvisioningPlan plan, ProvisioningJob job, long journalJobId, IStepEventSink events,
        string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(job);
        using var scope = BeginScope(job);
        await using var journal = await _journals.OpenExistingAsync(journalJobId, cancellationToken);
        if (journal is null)
        {
            return new PlanResult(PlanOutcome.RolledBack, null, $"{reason}: no journal of job {journalJobId}, so nothing of it to remove", []);
        }

        EnsureSameInstance(journal, job);
        var result = await _rollback.RunAsync(plan, job, journal, new StepEvents(events, _timeProvider), new RollbackCause(null, reason, false));
        PlanRunnerLog.Finished(_logger, job.JobId, job.Instance.Name, result.Outcome);
        return result;
    }

    // A journal of another instance under this job id (e.g. a dispatcher store recreated, ids counting from 1 again)
    // must never be resumed or rolled back: it would adopt or remove another instance's resources.
    private static void EnsureSameInstance(JobJournal journal, ProvisioningJob job)
    {
        if (journal.State.Instance != job.Instance.Name)
        {
            throw new InvalidOperationException(
                $"The journal {journal.Path} belongs to instance '{journal.State.Instance}', not '{job.Instance.Name}'. Move it aside after checking what that job created.");
        }
    }

    // Steps log through the context's logger: the scope gives their lines the job and instance.
    private IDisposable? BeginScope(ProvisioningJob job) =>
        _logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.JobId, ["InstanceName"] = job.Instance.Name });

    private async Task<PlanResult> RunForwardAsync(ProvisioningPlan plan, ProvisioningJob job, JobJournal journal, StepEvents events,
        JobCancellation cancellation)
    {
        foreach (var step in plan.Steps)
        {
            if (journal.State.ProgressOf(step.Name) == StepProgress.Succeeded)
            {
                events.Publish(step.Name, Core.Domain.StepPhase.Skipped, message: "succeeded in an earlier attempt");
                continue;
            }

            if (cancellation.JobCancelled.IsCancellationRequested)
            {
                // No step failed: naming the next one as failing would send the operator to the wrong place.
                var cause = new RollbackCause(null, $"the job was cancelled before {step.Name}", Cancelled: true);
                return await _rollback.RunAsync(plan, job, journal, events, cause);
            }

            if (cancellation.HostStopping.IsCancellationRequested)
            {
                PlanRunnerLog.Interrupted(_logger, job.JobId, job.Instance.Name, step.Name);
                return new PlanResult(PlanOutcome.Interrupted, null, $"the worker stopped before {step.Name}; the next attempt resumes there", []);
            }

            var failure = await _steps.RunAsync(step, job, journal, events, cancellation.JobCancelled);
            if (failure is not null)
            {
                return await _rollback.RunAsync(plan, job, journal, events, failure);
            }
        }

        if (plan.EndsWithRemoval)
        {
            // The one place that removes in reverse order, with an undo timeout each and the leftovers listed.
            return await _rollback.RunAsync(plan, job, journal, events, new RollbackCause(null, $"{plan.Name}: removal", false, Removal: true));
        }

        var succeeded = PlanResult.Succeeded();
        await journal.AppendAsync(JournalRecord.JobFinished(journal.Now, succeeded), CancellationToken.None);
        return succeeded;
    }
}
