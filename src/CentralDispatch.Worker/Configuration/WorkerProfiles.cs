using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.PhpFpm;

namespace CentralDispatch.Worker.Configuration;

/// <summary>The two shipped profiles, each a complete configuration that only needs the dispatcher's address and token.</summary>
public static class WorkerProfiles
{
    public const string DefaultBackendEmail = "webmaster@localhost.localdomain";
    public const string DebianConfigFile = "/etc/centraldispatch/worker.json";
    public const string DebianTemplatesFolder = "/etc/centraldispatch/templates";
    public const string SandboxConfigFileName = "worker.json";
    public const string DefaultCronSchedule = "*/15 * * * *";
    public const string DefaultCronCommand = "cd {{Webroot}} && CENTRALDISPATCH_CONFIG={{ConfigFile}} php cron.php > /dev/null 2>&1";

    /// <summary>System Apache 2.4 and MariaDB of a Debian host.</summary>
    public static WorkerOptions Debian(string dispatcherUrl, string token)
    {
        const string state = "/var/lib/centraldispatch";
        return new WorkerOptions
        {
            Profile = WorkerProfile.Debian,
            Dispatcher = new DispatcherOptions { Url = dispatcherUrl, Token = token },
            Database = new DatabaseServerOptions { SocketPath = "/run/mysqld/mysqld.sock", AdminUser = "root" },
            WebServer = new WebServerOptions
            {
                Flavor = WebServerFlavor.Debian,
                SitesAvailable = "/etc/apache2/sites-available",
                SitesEnabled = "/etc/apache2/sites-enabled",
                VirtualHostTemplate = Path.Combine(DebianTemplatesFolder, DefaultTemplates.VirtualHost),
                PlainHttpVirtualHostTemplate = Path.Combine(DebianTemplatesFolder, DefaultTemplates.PlainHttpVirtualHost),
                User = "www-data",
                Group = "www-data",
                ConfigTestCommand = ["apache2ctl", "configtest"],
                ReloadCommand = ["apache2ctl", "graceful"],
                HttpPort = 80,
                HttpsPort = 443,
                LogFolder = "/var/log/apache2",
                MainErrorLog = "/var/log/apache2/error.log",
            },
            PhpFpm = Debian(PhpFpmVersions.Installed()),
            Paths = new PathsOptions
            {
                DefaultReleaseFolder = "/var/www/html",
                ReleasesFolder = $"{state}/releases",
                InstallPath = "/var/www",
                ArchiveFolder = $"{state}/archives",
                CertsFolder = "/etc/apache2/certs",
                JournalFolder = $"{state}/journal",
                SecretsFolder = $"{state}/secrets",
            },
            InstanceConfig = new InstanceConfigOptions { TemplatePath = Path.Combine(DebianTemplatesFolder, DefaultTemplates.InstanceConfig) },
            DefaultBackendEmail = DefaultBackendEmail,
            Cron = new CronOptions
            {
                Schedule = DefaultCronSchedule,
                CommandTemplate = DefaultCronCommand,
                CrontabUser = "www-data",
            },
            HealthCheck = DefaultHealthCheck(),
            Isolation = new IsolationOptions { InstanceUsers = true },
        };
    }

    /// <summary>Everything under <paramref name="dataFolder"/>: a private Apache on the given loopback ports, a private MariaDB, a crontab file.</summary>
    public static WorkerOptions Sandbox(string dataFolder, string dispatcherUrl, string token, int httpPort, int httpsPort)
    {
        var data = Path.GetFullPath(dataFolder);
        var apache = new SandboxApacheLayout(Path.Combine(data, "apache"));
        var mariaDb = new SandboxMariaDbLayout(Path.Combine(data, "mariadb"));
        var templates = Path.Combine(data, "templates");

        // The sandbox serves and owns everything as the user it runs as; a group of the same name is Debian's default.
        var user = Environment.UserName;
        return new WorkerOptions
        {
            Profile = WorkerProfile.Sandbox,
            DataFolder = data,
            Dispatcher = new DispatcherOptions { Url = dispatcherUrl, Token = token },
            Database = new DatabaseServerOptions
            {
                SocketPath = mariaDb.Socket,
                AdminUser = user,
                PrivateServer = new PrivateMariaDbOptions { Enabled = true, Folder = mariaDb.Folder },
            },
            WebServer = new WebServerOptions
            {
                Flavor = WebServerFlavor.Debian,
                SitesAvailable = apache.SitesAvailable,
                SitesEnabled = apache.SitesEnabled,
                VirtualHostTemplate = Path.Combine(templates, DefaultTemplates.VirtualHost),
                PlainHttpVirtualHostTemplate = Path.Combine(templates, DefaultTemplates.PlainHttpVirtualHost),
                User = user,
                Group = user,
                ConfigTestCommand = [.. apache.ConfigTestCommand],
                ReloadCommand = [.. apache.ReloadCommand],
                HttpPort = httpPort,
                HttpsPort = httpsPort,
                LogFolder = apache.LogFolder,
                MainErrorLog = apache.ErrorLog,
                PrivateServer = new PrivateApacheOptions { Enabled = true, Folder = apache.Folder },
            },
            PhpFpm = Sandbox(new SandboxPhpFpmLayout(Path.Combine(data, "php-fpm")), PhpFpmVersions.Installed()),
            Paths = new PathsOptions
            {
                DefaultReleaseFolder = Path.Combine(data, "default-release"),
                ReleasesFolder = Path.Combine(data, "releases"),
                InstallPath = Path.Combine(data, "www"),
                ArchiveFolder = Path.Combine(data, "archives"),
                CertsFolder = Path.Combine(data, "certs"),
                JournalFolder = Path.Combine(data, "journal"),
                SecretsFolder = Path.Combine(data, "secrets"),
            },
            InstanceConfig = new InstanceConfigOptions { TemplatePath = Path.Combine(templates, DefaultTemplates.InstanceConfig) },
            DefaultBackendEmail = DefaultBackendEmail,
            Cron = new CronOptions
            {
                Schedule = DefaultCronSchedule,
                CommandTemplate = DefaultCronCommand,
                CrontabFile = Path.Combine(data, "crontab"),
            },
            HealthCheck = DefaultHealthCheck(),

            // Only root can make users; a sandbox run as someone else runs every instance as that user.
            Isolation = new IsolationOptions { InstanceUsers = Environment.IsPrivilegedProcess },
        };
    }

    /// <summary>GET / accepting every success and redirect, for 30 s: an application that sends / to its installer until it is set up passes.</summary>
    private static HealthCheckOptions DefaultHealthCheck() => new()
    {
        Path = HealthCheckOptions.DefaultPath,
        Statuses = HealthCheckOptions.DefaultStatuses,
        Patience = HealthCheckRules.DefaultPatience,
        RequestTimeout = HealthCheckRules.DefaultRequestTimeout,
    };

    /// <summary>Debian's php&lt;version&gt;-fpm service: its pool.d, its sockets in /run/php, tested with -t and reloaded by systemd.</summary>
    public static PhpFpmOptions Debian(string version) => new()
    {
        Version = version,
        Binary = $"/usr/sbin/php-fpm{version}",
        PoolFolder = $"/etc/php/{version}/fpm/pool.d",
        SocketFolder = "/run/php",
        ConfigTestCommand = [$"php-fpm{version}", "-t"],
        ReloadCommand = ["systemctl", "reload", $"php{version}-fpm"],
        MainErrorLog = $"/var/log/php{version}-fpm.log",
    };

    /// <summary>A private master in <paramref name="layout"/>'s folder, reloaded by a signal the worker sends it.</summary>
    public static PhpFpmOptions Sandbox(SandboxPhpFpmLayout layout, string version)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var binary = $"/usr/sbin/php-fpm{version}";
        return new PhpFpmOptions
        {
            Version = version,
            Binary = binary,
            PoolFolder = layout.PoolFolder,
            SocketFolder = layout.SocketFolder,
            ConfigTestCommand = [.. layout.ConfigTestCommand(binary)],
            ReloadCommand = [],
            MainErrorLog = layout.ErrorLog,
            PrivateServer = new PrivatePhpFpmOptions { Enabled = true, Folder = layout.Folder },
        };
    }

    /// <summary>The sandbox profile with two loopback ports that are free now.</summary>
    public static WorkerOptions Sandbox(string dataFolder, string dispatcherUrl, string token)
    {
        var ports = LoopbackPorts.PickFree(2);
        return Sandbox(dataFolder, dispatcherUrl, token, ports[0], ports[1]);
    }
}
