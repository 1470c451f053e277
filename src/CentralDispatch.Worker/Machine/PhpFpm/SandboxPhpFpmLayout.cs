namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>Where a private PHP-FPM master keeps its files inside its folder; the sandbox profile and <see cref="SandboxPhpFpm"/> agree through this.</summary>
public sealed record SandboxPhpFpmLayout(string Folder)
{
    public string ConfigFile => Path.Combine(Folder, "php-fpm.conf");

    /// <summary>Pid file and the status pool's socket.</summary>
    public string RunFolder => Path.Combine(Folder, "run");

    public string PidFile => Path.Combine(RunFolder, "php-fpm.pid");

    /// <summary>The socket of the master's own status-only pool (php-fpm refuses to start with no pool at all).</summary>
    public string StatusSocket => Path.Combine(RunFolder, "status.sock");

    public string LogFolder => Path.Combine(Folder, "logs");

    public string ErrorLog => Path.Combine(LogFolder, "error.log");

    /// <summary>The instances' pool files.</summary>
    public string PoolFolder => Path.Combine(Folder, "pool.d");

    /// <summary>The instances' pool sockets; short, so FOLDER/NAME.sock fits a unix socket path.</summary>
    public string SocketFolder => Path.Combine(Folder, "sock");

    /// <summary>How the process shows itself once running (it rewrites its command line): tells a leftover master of this folder from any other process.</summary>
    public string ProcessTitle => $"php-fpm: master process ({ConfigFile})";

    public IReadOnlyList<string> ConfigTestCommand(string binary) => [binary, "-t", "-y", ConfigFile];
}
