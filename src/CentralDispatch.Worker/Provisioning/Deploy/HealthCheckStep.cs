using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 9: asks the local web server for the new site by its host name (SNI and Host header) and expects an accepted
/// status (and text, when one is asked for) with the instance's own certificate: the worker's settings
/// (<see cref="HealthCheckOptions"/>) with what the live release's manifest overrides. Redirects are judged, never
/// followed. A graceful reload lets old workers finish, so the first answers may still come from the old
/// configuration: the probe is repeated for the patience before the step fails.
/// </summary>
public sealed class HealthCheckStep(IOptions<WorkerOptions> options, LocalSiteProbe probe) : IProvisioningStep
{
    public string Name => DeployStepNames.HealthCheck;

    /// <summary>The longest patience a manifest may ask for, then one last request and a margin: the patience itself ends the check.</summary>
    public TimeSpan? Timeout => HealthCheckRules.LongestCheck + TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var check = await SettingsAsync(context, worker);
        using var expected = SiteChecks.ServedCertificate(context.Instance.Tls, worker);
        var result = await SiteChecks.ProbeUntilAsync(context, worker, probe, expected, r => r.Succeeded, check.Patience, request: check.Request);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The site {context.Instance.Hostname} did not pass its health check within {check.Patience.TotalSeconds:0.#} s (accepted: {check.Request.Accepted}"
                + $"{TextClause(check.Request)}); last: {result.Failure}");
        }

        context.Summary = $"{result.Answer} (accepted: {check.Request.Accepted}{TextClause(check.Request)})";
        await context.ReportUrlAsync(new Uri(InstanceUrls.Url(context.Instance, worker)));
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    /// <summary>The worker's settings, overridden by the manifest of the tree the webroot serves now (a redeploy's new release).</summary>
    private static async Task<HealthCheckSettings> SettingsAsync(StepContext context, WorkerOptions worker)
    {
        var tree = InstanceLayout.For(context.Instance, worker).LiveTree();
        var manifest = tree is null ? ReleaseManifest.None : await ReleaseManifest.ReadAsync(tree, context.CancellationToken);
        return HealthCheckSettings.For(worker.HealthCheck, manifest.HealthCheck);
    }

    private static string TextClause(SiteRequest request) =>
        request.ExpectedText is { } text ? $"; a 2xx body must contain '{text}'" : "";
}
