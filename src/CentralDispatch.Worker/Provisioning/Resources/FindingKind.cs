namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>The three answers of an ownership check.</summary>
public enum FindingKind
{
    /// <summary>There, and it carries the instance's ownership tag: to be removed.</summary>
    Ours,

    /// <summary>Not on the host.</summary>
    NotThere,

    /// <summary>There under the instance's derived name, without the tag: never touched.</summary>
    NotOurs,
}
