using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>
/// RotateCertificate: check the new certificate, stage it beside the live files, swap them in (old ones kept), point the
/// vhost at them if it did not yet, config test + graceful reload, then the new certificate must be served. Any failure
/// puts the old files back and reloads, so the old certificate is served again.
/// </summary>
public sealed class RotatePlan(
    RotationPreflightStep preflight,
    StageCertificatesStep stage,
    SwapCertificatesStep swap,
    VirtualHostRewriteStep virtualHost,
    ReloadWebServerStep reload,
    CertificateCheckStep check,
    RemoveBackupsStep removeBackups) : IJobPlan
{
    public const string Name = "RotateCertificate";

    public JobKind Kind => JobKind.RotateCertificate;

    public ProvisioningPlan Plan { get; } = new(Name, [preflight, stage, swap, virtualHost, reload, check, removeBackups]);
}
