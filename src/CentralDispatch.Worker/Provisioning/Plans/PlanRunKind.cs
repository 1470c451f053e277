namespace CentralDispatch.Worker.Provisioning.Plans;

/// <summary>How a job's plan is run.</summary>
public enum PlanRunKind
{
    /// <summary>Forward (or resumed) through the engine: Deploy, Redeploy, Suspend, …</summary>
    Forward,

    /// <summary>
    /// Roll back everything the instance's latest journal says is still there (BackOut). A clean rollback is the
    /// job's success; what cannot be removed makes it NeedsAttention.
    /// </summary>
    RollBackLatestJournal,
}
