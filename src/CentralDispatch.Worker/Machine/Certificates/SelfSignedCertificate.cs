using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Worker.Machine.Certificates;

/// <summary>A throw-away self-signed certificate (ECDSA P-256), e.g. for the sandbox Apache's catch-all site.</summary>
public static class SelfSignedCertificate
{
    /// <returns>The certificate and its private key, both PEM.</returns>
    public static (string CertificatePem, string KeyPem) Create(string hostname, DateTimeOffset now, TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostname}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostname);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
