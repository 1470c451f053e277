using System.Net;
using System.Text.RegularExpressions;
using CentralDispatch.Core.Validation;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Configuration;

/// <summary>Checks the shape of the configuration at start-up; each message names the key to fix. (Whether paths exist is `worker check`'s job.)</summary>
public sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <summary>Unix socket paths longer than this do not fit in sockaddr_un.</summary>
    public const int MaxSocketPathLength = 107;

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountName();

    [GeneratedRegex(@"^\S+(\s+\S+){4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CronSchedule();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigFileName();

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        CheckDispatcher(problems, options.Dispatcher);
        if (options.Profile == WorkerProfile.Sandbox)
        {
            problems.AbsolutePath("DataFolder", options.DataFolder);
        }

        CheckDatabase(problems, options.Database);
        CheckWebServer(problems, options.WebServer);
        CheckPaths(problems, options.Paths);
        PhpFpmOptionsCheck.Run(problems, options.PhpFpm);
        CheckInstanceConfig(problems, options.InstanceConfig);
        CheckCron(problems, options.Cron);
        CheckHealthCheck(problems, options.HealthCheck);
        if (EmailRule.Check(options.DefaultBackendEmail) is { } emailProblem)
        {
            problems.Add("DefaultBackendEmail", $"is not valid: {emailProblem}");
        }

        if (options.Concurrency is < 1 or > 64)
        {
            problems.Add("Concurrency", $"must be between 1 and 64 (got {options.Concurrency})");
        }

        if (options.ReloadCoalescingWindow < TimeSpan.Zero || options.ReloadCoalescingWindow > TimeSpan.FromMinutes(1))
        {
            problems.Add("ReloadCoalescingWindow", $"must be between 00:00:00 (off) and 00:01:00 (got {options.ReloadCoalescingWindow})");
        }

        return problems.All.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.All);
    }

    private static void CheckDispatcher(OptionsProblems problems, DispatcherOptions dispatcher)
    {
        if (DispatcherUrlRule.Check(dispatcher.Url, dispatcher.AllowInsecureHttp, $"{WorkerOptions.SectionName}:Dispatcher:AllowInsecureHttp") is { } problem)
        {
            problems.Add("Dispatcher:Url", problem);
        }

        problems.Require("Dispatcher:Token", dispatcher.Token);
    }

    private static void CheckDatabase(OptionsProblems problems, DatabaseServerOptions database)
    {
        if (string.IsNullOrWhiteSpace(database.SocketPath) && string.IsNullOrWhiteSpace(database.Host))
        {
            problems.Add("Database:SocketPath", "or Worker:Database:Host is required");
        }

        if (!string.IsNullOrWhiteSpace(database.SocketPath))
        {
            problems.AbsolutePath("Database:SocketPath", database.SocketPath);
            if (database.SocketPath.Length > MaxSocketPathLength)
            {
                problems.Add("Database:SocketPath", $"is {database.SocketPath.Length} characters; a unix socket path has at most {MaxSocketPathLength}");
            }
        }
        else
        {
            problems.Port("Database:Port", database.Port);
        }

        problems.Require("Database:AdminUser", database.AdminUser);
        if (database.PrivateServer.Enabled)
        {
            problems.AbsolutePath("Database:PrivateServer:Folder", database.PrivateServer.Folder);
            problems.Require("Database:SocketPath", database.SocketPath);
        }
    }

    private static void CheckWebServer(OptionsProblems problems, WebServerOptions web)
    {
        if (web.Flavor == WebServerFlavor.Debian)
        {
            problems.AbsolutePath("WebServer:SitesAvailable", web.SitesAvailable);
            problems.AbsolutePath("WebServer:SitesEnabled", web.SitesEnabled);
        }
        else
        {
            problems.AbsolutePath("WebServer:ConfD", web.ConfD);
        }

        problems.AbsolutePath("WebServer:VirtualHostTemplate", web.VirtualHostTemplate);
        problems.AbsolutePath("WebServer:PlainHttpVirtualHostTemplate", web.PlainHttpVirtualHostTemplate);
        CheckAccount(problems, "WebServer:User", web.User);
        CheckAccount(problems, "WebServer:Group", web.Group);
        problems.Command("WebServer:ConfigTestCommand", web.ConfigTestCommand);
        problems.Command("WebServer:ReloadCommand", web.ReloadCommand);
        if (web.CommandTimeout <= TimeSpan.Zero)
        {
            problems.Add("WebServer:CommandTimeout", $"must be positive (got {web.CommandTimeout})");
        }

        problems.Port("WebServer:HttpPort", web.HttpPort);
        problems.Port("WebServer:HttpsPort", web.HttpsPort);
        if (web.HttpPort == web.HttpsPort)
        {
            problems.Add("WebServer:HttpsPort", $"must differ from Worker:WebServer:HttpPort (both {web.HttpPort})");
        }

        problems.AbsolutePath("WebServer:LogFolder", web.LogFolder);
        if (string.IsNullOrWhiteSpace(web.DefaultCertificateFile) != string.IsNullOrWhiteSpace(web.DefaultKeyFile))
        {
            problems.Add("WebServer:DefaultKeyFile", "and Worker:WebServer:DefaultCertificateFile must be set together or not at all");
        }
        else if (!string.IsNullOrWhiteSpace(web.DefaultCertificateFile))
        {
            problems.AbsolutePath("WebServer:DefaultCertificateFile", web.DefaultCertificateFile);
            problems.AbsolutePath("WebServer:DefaultKeyFile", web.DefaultKeyFile);
        }

        if (web.PrivateServer.Enabled)
        {
            problems.AbsolutePath("WebServer:PrivateServer:Folder", web.PrivateServer.Folder);
            if (!IPAddress.TryParse(web.PrivateServer.ListenAddress, out _))
            {
                problems.Add("WebServer:PrivateServer:ListenAddress", $"must be an IP address (got '{web.PrivateServer.ListenAddress}')");
            }

            CheckAccount(problems, "WebServer:PrivateServer:ChildUser", web.PrivateServer.ChildUser);
            CheckAccount(problems, "WebServer:PrivateServer:ChildGroup", web.PrivateServer.ChildGroup);
        }
    }

    private static void CheckPaths(OptionsProblems problems, PathsOptions paths)
    {
        problems.AbsolutePath("Paths:DefaultReleaseFolder", paths.DefaultReleaseFolder);
        problems.AbsolutePath("Paths:ReleasesFolder", paths.ReleasesFolder);
        problems.AbsolutePath("Paths:InstallPath", paths.InstallPath);
        problems.AbsolutePath("Paths:ArchiveFolder", paths.ArchiveFolder);
        problems.AbsolutePath("Paths:CertsFolder", paths.CertsFolder);
        problems.AbsolutePath("Paths:JournalFolder", paths.JournalFolder);
        problems.AbsolutePath("Paths:SecretsFolder", paths.SecretsFolder);
    }

    private static void CheckInstanceConfig(OptionsProblems problems, InstanceConfigOptions config)
    {
        problems.AbsolutePath("InstanceConfig:TemplatePath", config.TemplatePath);
        var fileName = config.FileName;
        // It is written beside the release trees and the owner marker, and quoted in a vhost <Files> section.
        if (fileName is null || !ConfigFileName().IsMatch(fileName) || fileName is "." or ".." or Provisioning.Deploy.InstanceLayout.OwnerMarkerName
            || fileName.EndsWith(".tmp", StringComparison.Ordinal) || fileName.EndsWith(".link", StringComparison.Ordinal))
        {
            problems.Add("InstanceConfig:FileName", $"must be one file name (letters, digits, '.', '_', '-'; not {Provisioning.Deploy.InstanceLayout.OwnerMarkerName}), e.g. .env (got '{fileName}')");
        }
    }

    private static void CheckCron(OptionsProblems problems, CronOptions cron)
    {
        if (cron.Schedule is null || !CronSchedule().IsMatch(cron.Schedule.Trim()))
        {
            problems.Add("Cron:Schedule", $"must be five cron fields, e.g. */15 * * * * (got '{cron.Schedule}')");
        }

        if (cron.Schedule?.Contains('%', StringComparison.Ordinal) == true)
        {
            problems.Add("Cron:Schedule", "must not contain '%' (cron reads it as a line break)");
        }

        problems.Require("Cron:CommandTemplate", cron.CommandTemplate);
        if (cron.CommandTemplate?.Any(char.IsControl) == true)
        {
            problems.Add("Cron:CommandTemplate", "must be one line");
        }

        if (cron.CommandTemplate?.Contains('%', StringComparison.Ordinal) == true)
        {
            problems.Add("Cron:CommandTemplate", "must not contain '%': cron reads it as a line break, and the rest of the command becomes its standard input "
                                                 + "(put a command that needs one in a script the line runs)");
        }

        var hasUser = !string.IsNullOrWhiteSpace(cron.CrontabUser);
        var hasFile = !string.IsNullOrWhiteSpace(cron.CrontabFile);
        if (hasUser == hasFile)
        {
            problems.Add("Cron:CrontabUser", "or Worker:Cron:CrontabFile must be set (exactly one of them)");
        }
        else if (hasUser)
        {
            CheckAccount(problems, "Cron:CrontabUser", cron.CrontabUser);
        }
        else
        {
            problems.AbsolutePath("Cron:CrontabFile", cron.CrontabFile);
        }
    }

    private static void CheckHealthCheck(OptionsProblems problems, HealthCheckOptions check)
    {
        problems.Check("HealthCheck:Path", HealthCheckRules.PathProblem(check.Path));
        problems.Check("HealthCheck:Statuses", HealthCheckRules.StatusesProblem(check.Statuses));
        if (!string.IsNullOrEmpty(check.Text))
        {
            problems.Check("HealthCheck:Text", HealthCheckRules.TextProblem(check.Text));
        }

        problems.Check("HealthCheck:Patience", HealthCheckRules.PatienceProblem(check.Patience));
        problems.Check("HealthCheck:RequestTimeout", HealthCheckRules.RequestTimeoutProblem(check.RequestTimeout));
    }

    internal static void CheckAccount(OptionsProblems problems, string key, string? value)
    {
        if (value is null || !AccountName().IsMatch(value))
        {
            problems.Add(key, $"must be a user or group name (lower-case letters, digits, '_' and '-'; got '{value}')");
        }
    }
}
