using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Runs one step forward: journal and event around Apply + Verify under the step's timeout and the job's cancel.</summary>
internal sealed class StepRunner(PlanRunnerOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Null when the step succeeded; otherwise why the job must roll back.</summary>
    public async Task<RollbackCause?> RunAsync(IProvisioningStep step, ProvisioningJob job, JobJournal journal, StepEvents events,
        CancellationToken jobCancelled)
    {
        // Journal writes around a step are not cancelled: the record of what happened must exist whatever stops the job.
        await journal.AppendAsync(JournalRecord.ForStep(JournalRecordType.StepStarted, journal.Now, step.Name), CancellationToken.None);
        events.Publish(step.Name, StepPhase.Started);

        var started = timeProvider.GetTimestamp();
        var verified = true;
        string? summary = null;
        var failure = await GuardedRun.RunAsync(async token =>
        {
            var context = new StepContext(job, step.Name, journal, logger, timeProvider, token, isRollback: false);
            await step.ApplyAsync(context);
            verified = await step.VerifyAsync(context);
            summary = context.Summary;
        }, step.Timeout ?? options.StepTimeout, jobCancelled, timeProvider);
        var duration = timeProvider.GetElapsedTime(started);

        var message = failure?.Message ?? (verified ? null : $"{step.Name} is not in place after it was applied (verify failed)");
        if (message is null)
        {
            await journal.AppendAsync(JournalRecord.ForStep(JournalRecordType.StepSucceeded, journal.Now, step.Name, summary,
                durationMs: duration.TotalMilliseconds), CancellationToken.None);
            events.Publish(step.Name, StepPhase.Succeeded, duration, summary);
            return null;
        }

        var cancelled = failure?.Cancelled ?? false;
        PlanRunnerLog.StepFailed(logger, job.JobId, job.Instance.Name, step.Name, message, failure?.Exception);
        await journal.AppendAsync(JournalRecord.StepFailed(journal.Now, step.Name, message, cancelled, duration.TotalMilliseconds),
            CancellationToken.None);
        events.Publish(step.Name, StepPhase.Failed, duration, message);
        return new RollbackCause(step.Name, message, cancelled);
    }
}
