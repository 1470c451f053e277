namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>Where a private Apache keeps its files inside its folder; the sandbox profile and <see cref="SandboxApache"/> agree through this.</summary>
public sealed record SandboxApacheLayout(string Folder)
{
    public string ConfigFile => Path.Combine(Folder, "httpd.conf");

    /// <summary>Pid file, mutexes, SSL session cache and runtime files.</summary>
    public string RunFolder => Path.Combine(Folder, "run");

    public string PidFile => Path.Combine(RunFolder, "httpd.pid");

    public string LogFolder => Path.Combine(Folder, "logs");

    public string ErrorLog => Path.Combine(LogFolder, "error.log");

    public string SitesAvailable => Path.Combine(Folder, "sites-available");

    public string SitesEnabled => Path.Combine(Folder, "sites-enabled");

    /// <summary>The catch-all site's own self-signed certificate, so unknown names never get an instance's site or certificate.</summary>
    public string CatchAllCertificate => Path.Combine(Folder, "catch-all.crt");

    public string CatchAllKey => Path.Combine(Folder, "catch-all.key");

    public IReadOnlyList<string> ConfigTestCommand => ["apache2", "-f", ConfigFile, "-t"];

    public IReadOnlyList<string> ReloadCommand => ["apache2", "-f", ConfigFile, "-k", "graceful"];
}
