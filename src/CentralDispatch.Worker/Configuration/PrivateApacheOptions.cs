namespace CentralDispatch.Worker.Configuration;

/// <summary>An Apache the worker runs itself from a generated httpd.conf (sandbox profile).</summary>
public sealed class PrivateApacheOptions
{
    public bool Enabled { get; set; }

    /// <summary>Holds httpd.conf, run files, logs, sites-available and sites-enabled.</summary>
    public string? Folder { get; set; }

    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>When the worker runs as root, Apache's children run as this user (Apache refuses to serve as root).</summary>
    public string ChildUser { get; set; } = "www-data";

    public string ChildGroup { get; set; } = "www-data";
}
