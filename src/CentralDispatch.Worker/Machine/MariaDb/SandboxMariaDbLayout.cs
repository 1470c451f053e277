namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>Where a private MariaDB server keeps its files inside its folder.</summary>
public sealed record SandboxMariaDbLayout(string Folder)
{
    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>Unix socket paths are limited to 107 bytes; keep the folder short.</summary>
    public string Socket => Path.Combine(Folder, "mariadbd.sock");

    public string PidFile => Path.Combine(Folder, "mariadbd.pid");

    public string ErrorLog => Path.Combine(Folder, "mariadbd.err");

    /// <summary>The server's temporary files; the system's /tmp is shared with whatever else runs on the host.</summary>
    public string TempFolder => Path.Combine(Folder, "tmp");
}
