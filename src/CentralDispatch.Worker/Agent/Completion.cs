using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Agent;

/// <summary>Turns what a plan run ended with into the completion the dispatcher expects.</summary>
internal static class Completion
{
    /// <summary>
    /// The completion of a finished plan run; <see cref="PlanOutcome.Interrupted"/> has none (the job is not finished).
    /// Facts go with a success; of a failure only the archive path is sent.
    /// </summary>
    public static CompleteRequest FromPlan(int attempt, Guid leaseToken, PlanRunKind kind, PlanResult result, JobFactsReport? facts)
    {
        ArgumentNullException.ThrowIfNull(result);
        var state = result.Outcome.ToJobState()
            ?? throw new ArgumentException($"A {result.Outcome} plan run has no completion: the job is not finished.", nameof(result));
        if (kind == PlanRunKind.RollBackLatestJournal && state == JobState.RolledBack)
        {
            // A back-out's work is the rollback: removing everything is its success.
            state = JobState.Succeeded;
        }

        if (state == JobState.Succeeded)
        {
            return new CompleteRequest(attempt, leaseToken, state, Facts: facts);
        }

        var error = result.ToErrorReport() ?? new JobErrorReport(result.FailedStep, result.Message);
        // Only the archive path outlives a failure (an archive written before a removal failed); a URL or release would not be true.
        var archive = facts?.ArchivePath is { } path ? new JobFactsReport(ArchivePath: path) : null;
        return new CompleteRequest(attempt, leaseToken, state, ReportLimits.Error(error), archive);
    }

    /// <summary>The job could not be run at all (no plan for it, a journal that cannot be used): Failed, with why.</summary>
    public static CompleteRequest Failed(int attempt, Guid leaseToken, string message) =>
        new(attempt, leaseToken, JobState.Failed, ReportLimits.Error(new JobErrorReport(null, $"The worker could not run the job: {message}")));
}
