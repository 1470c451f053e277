using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>One journal on disk as the recovery and back-out code sees it. <see cref="Damage"/> is set when it cannot be read.</summary>
public sealed record JournalSummary(
    long JobId,
    string Instance,
    JobKind Kind,
    int Attempt,
    JournalPhase Phase,
    PlanResult? Result,
    bool Acknowledged,
    string? Damage = null)
{
    public static JournalSummary From(JournalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new JournalSummary(state.JobId, state.Instance, state.Kind, state.Attempt, state.Phase, state.Result, state.Acknowledged);
    }
}
