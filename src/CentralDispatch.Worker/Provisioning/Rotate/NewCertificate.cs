using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>The certificate a rotation installs (job parameter NewTls) and the files it becomes, staged and in place.</summary>
public static class NewCertificate
{
    public const string StagedSuffix = ".new";
    public const string PreviousSuffix = ".previous";

    public static TlsPayload Of(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Job.Parameters?.NewTls ?? throw new InvalidOperationException("The job carries no new certificate to rotate to.");
    }

    /// <summary>The staged files, written beside the live ones: crt.new, key.new, chain.crt.new.</summary>
    public static CertificatePaths Staged(InstanceLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var live = layout.Certificates;
        return new CertificatePaths(live.CertificateFile + StagedSuffix, live.KeyFile + StagedSuffix, live.ChainFile + StagedSuffix);
    }

    /// <summary>The files of the new certificate at <paramref name="paths"/>, headed by the ownership tag as Deploy writes them.</summary>
    public static IReadOnlyList<CertificateFile> Files(TlsPayload tls, InstanceLayout layout, CertificatePaths paths)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(layout);
        return CertificateFileWriter.Render(paths, tls.CertificatePem, tls.KeyPem, tls.ChainPem, OwnershipTag.CommentLine(layout.Name));
    }
}
