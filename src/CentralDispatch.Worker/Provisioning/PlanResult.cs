using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>The end of a plan run: outcome, failing step and message, and what rollback could not remove.</summary>
public sealed record PlanResult(
    PlanOutcome Outcome,
    string? FailedStep,
    string? Message,
    IReadOnlyList<Leftover> Leftovers,
    bool FromJournal = false)
{
    public static PlanResult Succeeded() => new(PlanOutcome.Succeeded, null, null, []);

    /// <summary>The error to send with the completion, or null when the job succeeded.</summary>
    public JobErrorReport? ToErrorReport() => Outcome == PlanOutcome.Succeeded && Leftovers.Count == 0
        ? null
        : new JobErrorReport(FailedStep, Message, Leftovers.Select(l => l.ToString()).ToList());
}
