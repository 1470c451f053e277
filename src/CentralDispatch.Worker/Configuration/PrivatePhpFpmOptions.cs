namespace CentralDispatch.Worker.Configuration;

/// <summary>A PHP-FPM master the worker runs itself from a generated php-fpm.conf (sandbox profile).</summary>
public sealed class PrivatePhpFpmOptions
{
    public bool Enabled { get; set; }

    /// <summary>Holds php-fpm.conf, the pid file, the error log and the status pool's socket.</summary>
    public string? Folder { get; set; }

    /// <summary>When the worker runs as root, the status pool runs as this user and Apache's children (this user too) may use its socket.</summary>
    public string ChildUser { get; set; } = "www-data";

    public string ChildGroup { get; set; } = "www-data";
}
