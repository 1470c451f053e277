namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>What a private Apache needs to know: its folder, where it listens, and (as root) whom its children run as.</summary>
public sealed record SandboxApacheSettings(SandboxApacheLayout Layout, string ListenAddress, int HttpPort, int HttpsPort)
{
    public string ChildUser { get; init; } = "www-data";

    public string ChildGroup { get; init; } = "www-data";

    /// <summary>Sites-enabled folder; the layout's unless configured elsewhere.</summary>
    public string? SitesEnabled { get; init; }

    public string EnabledSitesFolder => SitesEnabled ?? Layout.SitesEnabled;
}
