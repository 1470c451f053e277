namespace CentralDispatch.Worker.Machine.Templates;

/// <summary>The only placeholders a template may use; anything else is a typo that must fail before a file is written.</summary>
public static class TemplateKeys
{
    public const string InstanceName = "InstanceName";
    public const string ServerName = "ServerName";
    public const string ServerAliases = "ServerAliases";
    public const string Url = "Url";
    public const string DocumentRoot = "DocumentRoot";
    public const string Webroot = "Webroot";
    public const string HttpPort = "HttpPort";
    public const string HttpsPort = "HttpsPort";
    public const string CertificateFile = "CertificateFile";
    public const string KeyFile = "KeyFile";
    public const string LogFolder = "LogFolder";
    public const string DbHost = "DbHost";
    public const string DbPort = "DbPort";
    public const string DbSocket = "DbSocket";
    public const string DbName = "DbName";
    public const string DbUser = "DbUser";
    public const string DbPassword = "DbPassword";
    public const string BackendEmail = "BackendEmail";

    /// <summary>The full path of the instance config file, outside the served tree (for SetEnv and the cron line).</summary>
    public const string ConfigFile = "ConfigFile";

    /// <summary>The config file's name, which the vhost denies wherever a release puts it.</summary>
    public const string ConfigFileName = "ConfigFileName";

    /// <summary>The config file's name as a regular expression (dots escaped), for a LocationMatch.</summary>
    public const string ConfigFileNamePattern = "ConfigFileNamePattern";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        InstanceName, ServerName, ServerAliases, Url, DocumentRoot, Webroot, HttpPort, HttpsPort, CertificateFile, KeyFile,
        LogFolder, DbHost, DbPort, DbSocket, DbName, DbUser, DbPassword, BackendEmail, ConfigFile, ConfigFileName, ConfigFileNamePattern,
    };
}
