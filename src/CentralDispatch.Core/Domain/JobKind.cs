namespace CentralDispatch.Core.Domain;

/// <summary>
/// What a job does to its instance: its name on the wire, in the store and in the worker's journal. Each kind is defined by
/// one action in Domain/Actions (docs/ARCHITECTURE.md) and run by one worker plan.
/// </summary>
public enum JobKind
{
    Deploy,
    Redeploy,
    Suspend,
    Resume,
    RotateCertificate,
    Decommission,
    BackOut,
}
