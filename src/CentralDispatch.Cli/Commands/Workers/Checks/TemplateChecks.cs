using System.Globalization;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.Templates;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>The vhost and instance-config templates render with sample values of every placeholder.</summary>
public static class TemplateChecks
{
    private const string SampleName = "check-sample";

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var values = SampleValues(options);
        var renderer = new TemplateRenderer();
        var results = new List<CheckResult>();
        foreach (var (item, path) in new[]
                 {
                     ("vhost template", options.WebServer.VirtualHostTemplate),
                     ("plain-HTTP vhost template", options.WebServer.PlainHttpVirtualHostTemplate),
                     ("instance config template", options.InstanceConfig.TemplatePath),
                 })
        {
            try
            {
                var rendered = await renderer.RenderFileAsync(path, values, cancellationToken);
                results.Add(CheckResult.Pass(item, $"{path} renders with sample values ({rendered.Split('\n').Length} lines)"));
            }
            catch (Exception e) when (e is TemplateException or IOException or UnauthorizedAccessException)
            {
                results.Add(CheckResult.Fail(item, e.Message));
            }
        }

        return results;
    }

    /// <summary>A value for every known placeholder, shaped like the real ones (paths under the configured folders).</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var web = options.WebServer;
        var webroot = Path.Combine(options.Paths.InstallPath, SampleName);
        var database = options.Database;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.InstanceName] = SampleName,
            [TemplateKeys.ServerName] = $"{SampleName}.example.com",
            [TemplateKeys.ServerAliases] = $"www.{SampleName}.example.com",
            [TemplateKeys.Url] = $"https://{SampleName}.example.com:{web.HttpsPort.ToString(CultureInfo.InvariantCulture)}/",
            [TemplateKeys.DocumentRoot] = webroot,
            [TemplateKeys.Webroot] = webroot,
            [TemplateKeys.HttpPort] = web.HttpPort.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.HttpsPort] = web.HttpsPort.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.CertificateFile] = Path.Combine(options.Paths.CertsFolder, $"{SampleName}.crt"),
            [TemplateKeys.KeyFile] = Path.Combine(options.Paths.CertsFolder, $"{SampleName}.key"),
            [TemplateKeys.LogFolder] = web.LogFolder,
            [TemplateKeys.DbHost] = database.Host ?? "localhost",
            [TemplateKeys.DbPort] = database.Port.ToString(CultureInfo.InvariantCulture),
            [TemplateKeys.DbSocket] = database.SocketPath ?? string.Empty,
            [TemplateKeys.DbName] = "cd_check_sample",
            [TemplateKeys.DbUser] = "cd_check_sample",
            [TemplateKeys.DbPassword] = "sample-password",
            [TemplateKeys.BackendEmail] = options.DefaultBackendEmail,
        };
    }
}
