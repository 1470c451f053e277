namespace CentralDispatch.Core.Domain;

/// <summary>What a job does to its instance; each kind is one worker plan.</summary>
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
