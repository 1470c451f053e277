namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>What a private PHP-FPM master needs to know: its folder, its program, where the pools are, and (as root) whom its status pool runs as.</summary>
public sealed record SandboxPhpFpmSettings(SandboxPhpFpmLayout Layout, string Binary)
{
    /// <summary>The instances' pool files; the layout's unless configured elsewhere.</summary>
    public string? PoolFolder { get; init; }

    /// <summary>The instances' pool sockets; the layout's unless configured elsewhere.</summary>
    public string? SocketFolder { get; init; }

    public string ChildUser { get; init; } = "www-data";

    public string ChildGroup { get; init; } = "www-data";

    public string Pools => PoolFolder ?? Layout.PoolFolder;

    public string Sockets => SocketFolder ?? Layout.SocketFolder;
}
