namespace CentralDispatch.Dispatcher.Errors;

/// <summary>A worker reported on a job with an attempt or lease token that is no longer current (409, nothing changed).</summary>
public sealed class LeaseConflictException(long jobId, string state, int attempt)
    : Exception($"Job {jobId} is not leased to this caller any more (it is {state}, attempt {attempt}); stop working on it.")
{
    public long JobId { get; } = jobId;
}
