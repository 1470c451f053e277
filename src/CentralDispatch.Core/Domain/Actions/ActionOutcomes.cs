namespace CentralDispatch.Core.Domain.Actions;

/// <summary>
/// Where a finished job leaves its instance, per outcome; null: back in the state it had when the job started.
/// <paramref name="Failed"/> stands for Failed, RolledBack and Cancelled (nothing left behind); <paramref name="NeedsAttention"/>
/// for a rollback that left something behind (or an end nobody knows, when the reaper gives up on a job).
/// </summary>
public sealed record ActionOutcomes(InstanceState? Succeeded, InstanceState? Failed = null, InstanceState? NeedsAttention = null)
{
    public InstanceState After(JobState outcome, InstanceState before) => outcome switch
    {
        JobState.Succeeded => Succeeded,
        JobState.NeedsAttention => NeedsAttention,
        _ => Failed,
    } ?? before;
}
