namespace CentralDispatch.Worker.Configuration;

/// <summary>The web server: where virtual hosts go, how they are written, tested and activated, and who serves the files.</summary>
public sealed class WebServerOptions
{
    public WebServerFlavor Flavor { get; set; } = WebServerFlavor.Debian;

    /// <summary>Debian flavor: where vhost files are written.</summary>
    public string? SitesAvailable { get; set; }

    /// <summary>Debian flavor: where the enabling links go (what a2ensite does).</summary>
    public string? SitesEnabled { get; set; }

    /// <summary>RHEL flavor: the one folder whose files are active.</summary>
    public string? ConfD { get; set; }

    /// <summary>Template of an instance's vhost with HTTPS (its own certificate or the default one).</summary>
    public string VirtualHostTemplate { get; set; } = string.Empty;

    /// <summary>Template of an instance's vhost over plain HTTP, for an instance without certificate when no default certificate is set.</summary>
    public string PlainHttpVirtualHostTemplate { get; set; } = string.Empty;

    /// <summary>Owner of the webroots; the user cron lines run as.</summary>
    public string User { get; set; } = string.Empty;

    public string Group { get; set; } = string.Empty;

    /// <summary>Program and arguments, e.g. ["apache2ctl", "configtest"]; never a shell string.</summary>
    public string[] ConfigTestCommand { get; set; } = [];

    /// <summary>Program and arguments, e.g. ["apache2ctl", "graceful"].</summary>
    public string[] ReloadCommand { get; set; } = [];

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int HttpPort { get; set; } = 80;

    public int HttpsPort { get; set; } = 443;

    /// <summary>
    /// The server's main error log. When set, a graceful reload waits until Apache logs that it resumed, so no file a
    /// site references is removed while Apache re-reads its configuration.
    /// </summary>
    public string? MainErrorLog { get; set; }

    /// <summary>Per-instance access and error logs are written here.</summary>
    public string LogFolder { get; set; } = string.Empty;

    /// <summary>Served for instances without a certificate of their own; with neither, such an instance is served over plain HTTP.</summary>
    public string? DefaultCertificateFile { get; set; }

    public string? DefaultKeyFile { get; set; }

    /// <summary>Sandbox: a private Apache the worker configures, starts and stops itself.</summary>
    public PrivateApacheOptions PrivateServer { get; set; } = new();
}
