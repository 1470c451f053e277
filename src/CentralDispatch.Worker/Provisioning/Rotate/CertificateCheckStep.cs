using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Suspend;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>The site must be served over HTTPS with the new certificate: 200, or 503 with its maintenance page while suspended.</summary>
public sealed class CertificateCheckStep(IOptions<WorkerOptions> options, LocalSiteProbe probe) : IProvisioningStep
{
    public const string StepName = "CertificateCheck";

    public string Name => StepName;

    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Timeout => Patience + SiteChecks.ProbeTimeout + TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var suspended = MaintenanceMode.IsOn(await File.ReadAllTextAsync(layout.VirtualHostFile, context.CancellationToken));
        using var wanted = SiteChecks.ServedCertificate(NewCertificate.Of(context), options.Value)!;
        var thumbprint = LocalSiteProbe.Thumbprint(wanted);
        bool Served(ProbeResult r) => r.CertificateThumbprint == thumbprint && (suspended ? MaintenanceCheckStep.IsMaintenancePage(r) : r.StatusCode == 200);
        var result = await SiteChecks.ProbeUntilAsync(context, options.Value, probe, null, Served, Patience, https: true);
        if (!Served(result))
        {
            throw new InvalidOperationException(
                $"The site {context.Instance.Hostname} is not served with the new certificate {thumbprint}: it answered {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} with certificate {result.CertificateThumbprint ?? "none"}{(result.Failure is null ? "" : $" ({result.Failure})")}");
        }

        context.Summary = $"served with the new certificate {thumbprint}";
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
