namespace CentralDispatch.Core.Domain;

/// <summary>The life of a managed instance (ARCHITECTURE §2). Jobs move an instance between these.</summary>
public enum InstanceState
{
    /// <summary>Created, first deploy not started. Left when a worker starts its Deploy job.</summary>
    Pending,
    /// <summary>A Deploy job runs. Left when it completes: Active, Failed or NeedsAttention.</summary>
    Deploying,
    /// <summary>Serving. Left by redeploy, suspend or decommission jobs.</summary>
    Active,
    /// <summary>A Redeploy job runs; the previous code stays live until the switch. Ends Active either way.</summary>
    Updating,
    /// <summary>Answers 503 with a maintenance page; cron inactive. Left by resume or decommission.</summary>
    Suspended,
    /// <summary>A deploy failed and was rolled back completely. Retry, back out or decommission.</summary>
    Failed,
    /// <summary>Rollback could not remove everything; the leftovers are listed. Back out to clean up.</summary>
    NeedsAttention,
    /// <summary>A Decommission job runs: archive first, then removal.</summary>
    Decommissioning,
    /// <summary>Removed from its host; the archive path is kept. Left only by a restore under the same name (Pending again).</summary>
    Archived,
}
