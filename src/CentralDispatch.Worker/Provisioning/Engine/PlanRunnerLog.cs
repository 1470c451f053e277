using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>The plan runner's log lines.</summary>
internal static partial class PlanRunnerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({InstanceName}) already finished {Outcome}; returning the journaled result")]
    public static partial void Replayed(ILogger logger, long jobId, string instanceName, PlanOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({InstanceName}) resumes attempt {Attempt} from its journal ({Phase})")]
    public static partial void Resumed(ILogger logger, long jobId, string instanceName, int attempt, Journal.JournalPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({InstanceName}) step {Step} failed: {Message}")]
    public static partial void StepFailed(ILogger logger, long jobId, string instanceName, string step, string message, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({InstanceName}) step {Step} could not remove {Resource}: {Message}")]
    public static partial void UndoFailed(ILogger logger, long jobId, string instanceName, string step, string resource, string message, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({InstanceName}) stops before step {Step}: the worker is shutting down")]
    public static partial void Interrupted(ILogger logger, long jobId, string instanceName, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({InstanceName}) finished {Outcome}")]
    public static partial void Finished(ILogger logger, long jobId, string instanceName, PlanOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Variable} is set: this worker kills itself at {Point} (a test switch; unset it on a real host)")]
    public static partial void FaultInjectionArmed(ILogger logger, string variable, string point);
}
