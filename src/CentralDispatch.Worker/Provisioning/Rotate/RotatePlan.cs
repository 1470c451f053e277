using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>
/// RotateCertificate: check the new certificate, stage it beside the live files, swap them in (old ones kept), point the
/// vhost at them if it did not yet, config test + graceful reload, then the new certificate must be served. Any failure
/// puts the old files back and reloads, so the old certificate is served again.
/// </summary>
public static class RotatePlan
{
    public const string Name = "RotateCertificate";

    public static ProvisioningPlan Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var reloads = services.GetRequiredService<ReloadCoordinator>();
        return new ProvisioningPlan(Name,
        [
            new RotationPreflightStep(options, services.GetRequiredService<TimeProvider>()),
            new StageCertificatesStep(options),
            new SwapCertificatesStep(options, reloads),
            new VirtualHostRewriteStep(options, reloads, services.GetRequiredService<TemplateRenderer>()),
            services.GetRequiredService<ReloadWebServerStep>(),
            new CertificateCheckStep(options, services.GetRequiredService<LocalSiteProbe>()),
            new RemoveBackupsStep(options),
        ]);
    }
}
