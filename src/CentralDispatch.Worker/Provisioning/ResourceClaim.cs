namespace CentralDispatch.Worker.Provisioning;

/// <summary>What a job's journal says about one resource.</summary>
public enum ResourceClaim
{
    /// <summary>Never mentioned: not this job's, never to be touched.</summary>
    None,

    /// <summary>An intent without its created record: the job crashed or failed while creating it, so it may exist and is this job's.</summary>
    Intended,

    /// <summary>Created by this job.</summary>
    Created,

    /// <summary>Created by this job and removed again by its rollback.</summary>
    Removed,
}
