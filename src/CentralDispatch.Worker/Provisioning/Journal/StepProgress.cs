namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>How far a step got, as its journal records say.</summary>
public enum StepProgress
{
    NotStarted,
    Started,
    Succeeded,
    Failed,
}
