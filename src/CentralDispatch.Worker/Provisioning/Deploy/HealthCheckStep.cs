using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 9: asks the local web server for the new site by its host name (SNI) and expects 200 with the instance's
/// own certificate. A graceful reload lets old workers finish, so the first answers may still come from the old
/// configuration: the probe is repeated for a while before the step fails.
/// </summary>
public sealed class HealthCheckStep(IOptions<WorkerOptions> options, LocalSiteProbe probe) : IProvisioningStep
{
    public string Name => DeployStepNames.HealthCheck;

    /// <summary>How long the site may take to answer as expected.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Timeout => Patience + SiteChecks.ProbeTimeout + TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        using var expected = SiteChecks.ServedCertificate(context.Instance.Tls, worker);
        var result = await SiteChecks.ProbeUntilAsync(context, worker, probe, expected, r => r.Succeeded, Patience);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The site {context.Instance.Hostname} did not pass its health check: {result.Failure}");
        }

        await context.ReportUrlAsync(new Uri(InstanceUrls.Url(context.Instance, worker)));
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
