using System.Globalization;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Templates;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The placeholder values of the vhost, instance config and cron templates for one instance.</summary>
public static class DeployTemplateValues
{
    /// <summary>Values for the vhost and cron templates; no secret among them.</summary>
    public static Dictionary<string, string> Site(InstancePayload instance, WorkerOptions options, InstanceLayout layout, string webroot)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layout);
        var web = options.WebServer;
        var ownCertificate = instance.Tls is not null;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.InstanceName] = instance.Name,
            [TemplateKeys.ServerName] = instance.Hostname,
            [TemplateKeys.ServerAliases] = string.Join(' ', instance.Aliases),
            [TemplateKeys.Url] = InstanceUrls.Url(instance, options),
            [TemplateKeys.DocumentRoot] = webroot,
            [TemplateKeys.Webroot] = webroot,
            [TemplateKeys.HttpPort] = web.HttpPort.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.HttpsPort] = web.HttpsPort.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.CertificateFile] = ownCertificate ? layout.Certificates.CertificateFile : web.DefaultCertificateFile ?? "",
            [TemplateKeys.KeyFile] = ownCertificate ? layout.Certificates.KeyFile : web.DefaultKeyFile ?? "",
            [TemplateKeys.LogFolder] = web.LogFolder,
            [TemplateKeys.BackendEmail] = instance.BackendEmail,
            [TemplateKeys.ConfigFile] = layout.ConfigFile,
            [TemplateKeys.ConfigFileName] = layout.ConfigFileName,
            [TemplateKeys.ConfigFileNamePattern] = System.Text.RegularExpressions.Regex.Escape(layout.ConfigFileName),
        };
    }

    /// <summary>Values for the instance config file: the site's, plus the database login (the password included).</summary>
    public static Dictionary<string, string> InstanceConfig(InstancePayload instance, WorkerOptions options, InstanceLayout layout, string webroot,
        string databasePassword)
    {
        var values = Site(instance, options, layout, webroot);
        var database = options.Database;
        values[TemplateKeys.DbHost] = string.IsNullOrEmpty(database.SocketPath) ? database.Host ?? "localhost" : "localhost";
        values[TemplateKeys.DbPort] = database.Port.ToString(CultureInfo.InvariantCulture);
        values[TemplateKeys.DbSocket] = database.SocketPath ?? "";
        values[TemplateKeys.DbName] = layout.Database;
        values[TemplateKeys.DbUser] = layout.DatabaseUser;
        values[TemplateKeys.DbPassword] = databasePassword;
        return values;
    }
}
