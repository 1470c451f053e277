using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;

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

    /// <summary>
    /// A value for every placeholder, made exactly as a deploy makes them (<see cref="DeployTemplateValues"/>) for a
    /// sample instance, so a placeholder added to the worker is checked here too.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SampleValues(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var instance = new InstancePayload(SampleName, $"{SampleName}.example.com", [$"www.{SampleName}.example.com"], "default",
            options.DefaultBackendEmail, null);
        var layout = InstanceLayout.For(instance, options);
        return DeployTemplateValues.InstanceConfig(instance, options, layout, layout.Webroot, "sample-password");
    }
}
