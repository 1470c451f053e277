using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>
/// Removes, in reverse order, every resource the journal says this job claimed and has not removed: steps in the
/// reverse of their start order, resources of a step in the reverse of their claim order. Each undo has its own
/// timeout and none is cancelled by the job; a failed undo is listed and the others still run.
/// </summary>
internal sealed class RollbackRunner(PlanRunnerOptions options, TimeProvider timeProvider, ILogger logger)
{
    public async Task<PlanResult> RunAsync(ProvisioningPlan plan, ProvisioningJob job, JobJournal journal, StepEvents events,
        RollbackCause cause)
    {
        var state = journal.State;
        if (state.Phase == JournalPhase.RollingBack && state.RollbackCause is { } recorded)
        {
            cause = recorded; // a resumed rollback reports the failure that started it
        }
        else
        {
            await Append(journal, JournalRecord.RollbackBegun(journal.Now, cause.FailedStep, cause.Message, cause.Cancelled, cause.Removal));
        }

        var leftovers = new List<Leftover>();
        foreach (var stepName in state.StartedSteps.Reverse().ToList())
        {
            var outstanding = state.OutstandingResources(stepName);
            if (outstanding.Count > 0)
            {
                leftovers.AddRange(await RollBackStepAsync(plan, stepName, outstanding.Reverse().ToList(), job, journal, events));
            }
        }

        leftovers.AddRange(await RunAfterRollbackAsync(plan, job, journal, events));

        var outcome = leftovers.Count > 0 ? PlanOutcome.NeedsAttention
            : cause.Removal ? PlanOutcome.Succeeded
            : cause.Cancelled ? PlanOutcome.Cancelled
            : PlanOutcome.RolledBack;
        var result = outcome == PlanOutcome.Succeeded ? PlanResult.Succeeded()
            : cause.Removal ? new PlanResult(outcome, cause.FailedStep, $"{cause.Message}: {leftovers.Count} resource(s) could not be removed", leftovers)
            : new PlanResult(outcome, cause.FailedStep, cause.Message, leftovers);
        await Append(journal, JournalRecord.JobFinished(journal.Now, result));
        return result;
    }

    private async Task<List<Leftover>> RollBackStepAsync(ProvisioningPlan plan, string stepName, IReadOnlyList<ResourceId> resources,
        ProvisioningJob job, JobJournal journal, StepEvents events)
    {
        await Append(journal, JournalRecord.ForStep(JournalRecordType.StepRollbackStarted, journal.Now, stepName));
        events.Publish(stepName, StepPhase.RollingBack);
        var step = plan.Find(stepName);
        var left = new List<Leftover>();
        var removed = new List<ResourceId>();
        foreach (var resource in resources)
        {
            var failure = step is null
                ? new StepFailure($"plan {plan.Name} has no step {stepName} that knows how to remove it", null, false)
                : await GuardedRun.RunAsync(
                    token => step.RollbackAsync(resource, new StepContext(job, stepName, journal, logger, timeProvider, token, isRollback: true)),
                    step.UndoTimeout ?? options.UndoTimeout, CancellationToken.None, timeProvider);
            if (failure is null)
            {
                await Append(journal, JournalRecord.ForResource(JournalRecordType.ResourceRemoved, journal.Now, stepName, resource));
                removed.Add(resource);
                continue;
            }

            PlanRunnerLog.UndoFailed(logger, job.JobId, job.Instance.Name, stepName, resource.ToString(), failure.Message, failure.Exception);
            await Append(journal, JournalRecord.ForResource(JournalRecordType.ResourceRemovalFailed, journal.Now, stepName, resource, failure.Message));
            left.Add(new Leftover(resource, failure.Message));
        }

        var summary = left.Count == 0 ? null : string.Join("; ", left);
        await Append(journal, JournalRecord.ForStep(JournalRecordType.StepRollbackDone, journal.Now, stepName, summary));
        // The operator reads what was removed from the events: a back-out or decommission lists its work this way.
        var message = string.Join("; ", new[] { removed.Count == 0 ? null : "removed " + string.Join(", ", removed), summary }.OfType<string>());
        events.Publish(stepName, left.Count == 0 ? StepPhase.RolledBack : StepPhase.RollbackFailed, message: message.Length == 0 ? null : message);
        return left;
    }

    private async Task<List<Leftover>> RunAfterRollbackAsync(ProvisioningPlan plan, ProvisioningJob job, JobJournal journal, StepEvents events)
    {
        var left = new List<Leftover>();
        foreach (var step in plan.Steps.Reverse())
        {
            if (step is not IAfterRollback hook || journal.State.ProgressOf(step.Name) == StepProgress.NotStarted)
            {
                continue;
            }

            var failure = await GuardedRun.RunAsync(
                token => hook.AfterRollbackAsync(new StepContext(job, step.Name, journal, logger, timeProvider, token, isRollback: true)),
                step.UndoTimeout ?? options.UndoTimeout, CancellationToken.None, timeProvider);
            if (failure is null)
            {
                events.Publish(step.Name, StepPhase.RolledBack, message: "after-rollback action done");
                continue;
            }

            // Nothing on disk is left, but the host is not as before (e.g. a removed site still loaded): the operator must know.
            var marker = new ResourceId(ResourceKinds.Step, step.Name);
            PlanRunnerLog.UndoFailed(logger, job.JobId, job.Instance.Name, step.Name, marker.ToString(), failure.Message, failure.Exception);
            await Append(journal, JournalRecord.ForResource(JournalRecordType.ResourceRemovalFailed, journal.Now, step.Name, marker, failure.Message));
            events.Publish(step.Name, StepPhase.RollbackFailed, message: failure.Message);
            left.Add(new Leftover(marker, failure.Message));
        }

        return left;
    }

    // Rollback journal writes are never cancelled: the job's token must not stop the record of an undo.
    private static Task Append(JobJournal journal, JournalRecord record) => journal.AppendAsync(record, CancellationToken.None);
}
