namespace CentralDispatch.Worker.Provisioning.Resources;

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
