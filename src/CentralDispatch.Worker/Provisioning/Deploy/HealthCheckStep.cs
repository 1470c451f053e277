using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.Http;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 9: asks the local web server for the new site by its host name (SNI) and expects 200 with the instance's
/// own certificate. A graceful reload lets old workers finish, so the first answers may still come from the old
/// configuration: the probe is repeated for a while before the step fails.
/// </summary>
public sealed class HealthCheckStep(IOptions<WorkerOptions> options, LocalSiteProbe probe) : IProvisioningStep
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public string Name => DeployStepNames.HealthCheck;

    /// <summary>How long the site may take to answer as expected.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Timeout => Patience + ProbeTimeout + TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var result = await ProbeUntilHealthyAsync(context, worker);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The site {context.Instance.Hostname} did not pass its health check: {result.Failure}");
        }

        await context.ReportUrlAsync(new Uri(InstanceUrls.Url(context.Instance, worker)));
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    private async Task<ProbeResult> ProbeUntilHealthyAsync(StepContext context, WorkerOptions worker)
    {
        var time = context.TimeProvider;
        var deadline = time.GetUtcNow() + Patience;
        using var expected = ExpectedCertificate(context, worker);
        while (true)
        {
            var result = InstanceUrls.ServedOverHttps(context.Instance, worker)
                ? await probe.ProbeHttpsAsync(context.Instance.Hostname, worker.WebServer.HttpsPort, expected, ProbeTimeout, context.CancellationToken)
                : await probe.ProbeHttpAsync(context.Instance.Hostname, worker.WebServer.HttpPort, ProbeTimeout, context.CancellationToken);
            if (result.Succeeded || time.GetUtcNow() >= deadline)
            {
                return result;
            }

            await Task.Delay(Pause, time, context.CancellationToken);
        }
    }

    private static X509Certificate2? ExpectedCertificate(StepContext context, WorkerOptions worker)
    {
        if (context.Instance.Tls is { } tls)
        {
            return X509Certificate2.CreateFromPem(tls.CertificatePem);
        }

        return InstanceUrls.HasDefaultCertificate(worker)
            ? X509Certificate2.CreateFromPem(File.ReadAllText(worker.WebServer.DefaultCertificateFile!))
            : null;
    }
}
