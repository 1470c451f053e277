namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The dispatcher no longer leases the job to this attempt (409, or 404 for a job it does not know): stop working on
/// it and report nothing more under this lease.
/// </summary>
public sealed class LeaseLostException(long jobId, string detail) : Exception($"Job {jobId}: the lease is no longer held ({detail}).")
{
    public long JobId { get; } = jobId;
}
