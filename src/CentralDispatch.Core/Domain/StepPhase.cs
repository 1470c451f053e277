namespace CentralDispatch.Core.Domain;

/// <summary>What happened to a step, as the worker reports it.</summary>
public enum StepPhase
{
    Started,
    Succeeded,
    Failed,
    Skipped,
    RollingBack,
    RolledBack,
    RollbackFailed,
}
