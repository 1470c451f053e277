namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>Optional body of an instance action: the release to redeploy, or the certificate to rotate to.</summary>
public sealed record InstanceActionRequest(
    string? Release = null,
    string? CertificatePem = null,
    string? KeyPem = null,
    string? ChainPem = null);
