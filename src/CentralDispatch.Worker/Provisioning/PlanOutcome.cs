using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>How a plan run ended.</summary>
public enum PlanOutcome
{
    /// <summary>Every step applied and verified.</summary>
    Succeeded,

    /// <summary>A step failed and everything the job created was removed.</summary>
    RolledBack,

    /// <summary>Rollback ran but could not remove something; the result lists what.</summary>
    NeedsAttention,

    /// <summary>The job was cancelled (or lost its lease) and rolled back cleanly.</summary>
    Cancelled,

    /// <summary>The worker is stopping: the step in flight finished, the rest is left for the resumed attempt. Not a final outcome.</summary>
    Interrupted,
}

/// <summary>Helpers over <see cref="PlanOutcome"/>.</summary>
public static class PlanOutcomes
{
    /// <summary>The job state to report to the dispatcher, or null when the job is not finished (Interrupted).</summary>
    public static JobState? ToJobState(this PlanOutcome outcome) => outcome switch
    {
        PlanOutcome.Succeeded => JobState.Succeeded,
        PlanOutcome.RolledBack => JobState.RolledBack,
        PlanOutcome.NeedsAttention => JobState.NeedsAttention,
        PlanOutcome.Cancelled => JobState.Cancelled,
        _ => null,
    };
}
