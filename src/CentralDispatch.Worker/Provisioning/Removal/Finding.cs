namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>What a search for an instance's resource found: its own (tagged), someone else's (left alone), or nothing.</summary>
public sealed record Finding(ResourceId Resource, FindingKind Kind, string? Reason = null)
{
    public static Finding Ours(ResourceId resource) => new(resource, FindingKind.Ours);

    public static Finding NotThere(ResourceId resource) => new(resource, FindingKind.NotThere);

    public static Finding NotOurs(ResourceId resource, string reason) => new(resource, FindingKind.NotOurs, reason);

    /// <summary>One per path: there and tagged, there but not ours, or absent.</summary>
    public static Finding Of(ResourceId resource, bool exists, bool tagged, string reasonIfNot) =>
        !exists ? NotThere(resource) : tagged ? Ours(resource) : NotOurs(resource, reasonIfNot);
}

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
