using CentralDispatch.Core.Domain;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Agent;

/// <summary>The agent's log lines. None carries a token, a lease token or key material.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the dispatcher at {Dispatcher} as worker {WorkerName} (concurrency {Concurrency}, lease {Lease})")]
    public static partial void Connected(ILogger logger, Uri? dispatcher, string workerName, int concurrency, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatcher could not be reached ({Message}); trying again in {RetryIn}")]
    public static partial void Unreachable(ILogger logger, string message, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher could not be reached ({Message}); giving up for this run")]
    public static partial void GaveUp(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The dispatcher refused this worker: {Message}")]
    public static partial void Refused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new jobs are claimed; {Running} job(s) in flight finish their current step")]
    public static partial void Stopping(ILogger logger, int running);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}, attempt {Attempt}) of {InstanceName} claimed")]
    public static partial void Claimed(ILogger logger, long jobId, JobKind kind, int attempt, string instanceName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} of {InstanceName}: cancellation requested by the dispatcher")]
    public static partial void CancelRequested(ILogger logger, long jobId, string instanceName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName}: heartbeat failed ({Message}); retrying in {RetryIn}")]
    public static partial void HeartbeatFailed(ILogger logger, long jobId, string instanceName, string message, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName}: lease of attempt {Attempt} lost ({Reason}); the job stops and rolls back what it did")]
    public static partial void LeaseLost(ILogger logger, long jobId, string instanceName, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName}: ended {Outcome} after its lease was lost; not reported (the next attempt reports it)")]
    public static partial void NotReported(ILogger logger, long jobId, string instanceName, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} of {InstanceName}: interrupted by shutdown; the next attempt resumes from the journal")]
    public static partial void Interrupted(ILogger logger, long jobId, string instanceName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} of {InstanceName}: could not be run")]
    public static partial void RunFailed(ILogger logger, long jobId, string instanceName, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} of {InstanceName}: reported {Outcome}")]
    public static partial void Reported(ILogger logger, long jobId, string instanceName, JobState outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} of {InstanceName}: the result could not be reported ({Message}); it is sent again after a restart or with the next attempt")]
    public static partial void ReportFailed(ILogger logger, long jobId, string instanceName, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the journal could not be acknowledged; it is kept")]
    public static partial void AcknowledgeFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the lease could not be saved; a result not reported before a crash waits for the next attempt")]
    public static partial void LeaseNotSaved(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName}: the dispatcher refused {Count} step event(s): {Message}")]
    public static partial void EventsRejected(ILogger logger, long jobId, string instanceName, int count, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} of {InstanceName}: step events deferred ({Message})")]
    public static partial void EventsDeferred(ILogger logger, long jobId, string instanceName, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of {InstanceName}: {Count} step event(s) dropped while the dispatcher was unreachable")]
    public static partial void EventsDropped(ILogger logger, long jobId, string instanceName, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: job {JobId} of {InstanceName} finished {Outcome} before a restart; reported now")]
    public static partial void Recovered(ILogger logger, long jobId, string instanceName, JobState outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: job {JobId} of {InstanceName} left as it is: {Reason}")]
    public static partial void RecoverySkipped(ILogger logger, long jobId, string instanceName, string reason);
}
