namespace CentralDispatch.Worker.Host.MariaDb;

/// <summary>Where a private MariaDB server keeps its files inside its folder.</summary>
public sealed record SandboxMariaDbLayout(string Folder)
{
    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>Unix socket paths are limited to 107 bytes; keep the folder short.</summary>
    public string Socket => Path.Combine(Folder, "mariadbd.sock");

    public string PidFile => Path.Combine(Folder, "mariadbd.pid");

    public string ErrorLog => Path.Combine(Folder, "mariadbd.err");

    /// <summary>
    /// The server's temporary files (tmpdir), inside the sandbox like everything else: in the shared /tmp, another
    /// program's clean-up could delete them under the server (a failed install was seen that way).
    /// </summary>
    public string TempFolder => Path.Combine(Folder, "tmp");
}
