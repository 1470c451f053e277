namespace CentralDispatch.Core.Domain;

/// <summary>An operator action on an instance, as named in the API path and the CLI.</summary>
public enum InstanceAction
{
    Deploy,
    Retry,
    Redeploy,
    Suspend,
    Resume,
    Decommission,
    BackOut,
    RotateCertificate,
}

/// <summary>Maps operator actions to their job kind and to the instance states that allow them.</summary>
public static class InstanceActions
{
    public static bool TryParse(string slug, out InstanceAction action)
    {
        action = default;
        switch (slug)
        {
            case "deploy": action = InstanceAction.Deploy; return true;
            case "retry": action = InstanceAction.Retry; return true;
            case "redeploy": action = InstanceAction.Redeploy; return true;
            case "suspend": action = InstanceAction.Suspend; return true;
            case "resume": action = InstanceAction.Resume; return true;
            case "decommission": action = InstanceAction.Decommission; return true;
            case "backout": action = InstanceAction.BackOut; return true;
            case "rotate-certificate": action = InstanceAction.RotateCertificate; return true;
            default: return false;
        }
    }

    public static string Slug(this InstanceAction action) => action switch
    {
        InstanceAction.BackOut => "backout",
        InstanceAction.RotateCertificate => "rotate-certificate",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static JobKind Kind(this InstanceAction action) => action switch
    {
        InstanceAction.Deploy or InstanceAction.Retry => JobKind.Deploy,
        InstanceAction.Redeploy => JobKind.Redeploy,
        InstanceAction.Suspend => JobKind.Suspend,
        InstanceAction.Resume => JobKind.Resume,
        InstanceAction.Decommission => JobKind.Decommission,
        InstanceAction.BackOut => JobKind.BackOut,
        InstanceAction.RotateCertificate => JobKind.RotateCertificate,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The instance states from which the action may be queued.</summary>
    public static IReadOnlyList<InstanceState> AllowedFrom(this InstanceAction action) => action switch
    {
        InstanceAction.Deploy => [InstanceState.Pending, InstanceState.Failed],
        InstanceAction.Retry => [InstanceState.Failed],
        InstanceAction.Redeploy => [InstanceState.Active],
        // Both re-apply on an instance already in their end state (the worker's plans are idempotent): an operator's
        // repeated suspend or resume succeeds and repairs a site whose maintenance switch or cron line drifted.
        InstanceAction.Suspend => [InstanceState.Active, InstanceState.Suspended],
        InstanceAction.Resume => [InstanceState.Suspended, InstanceState.Active],
        InstanceAction.Decommission => [InstanceState.Active, InstanceState.Suspended, InstanceState.Failed],
        InstanceAction.BackOut => [InstanceState.Failed, InstanceState.NeedsAttention],
        InstanceAction.RotateCertificate => [InstanceState.Active, InstanceState.Suspended],
        _ => [],
    };
}
