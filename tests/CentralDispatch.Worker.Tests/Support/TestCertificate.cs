using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Worker.Machine.Certificates;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>A self-signed ECDSA P-256 certificate for one host name, as PEM and as an X509Certificate2 to compare with.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string certificatePem, string keyPem)
    {
        CertificatePem = certificatePem;
        KeyPem = keyPem;
        Certificate = X509Certificate2.CreateFromPem(certificatePem);
    }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    public X509Certificate2 Certificate { get; }

    public static TestCertificate For(string hostname)
    {
        var (certificate, key) = SelfSignedCertificate.Create(hostname, DateTimeOffset.UtcNow, TimeSpan.FromDays(2));
        return new TestCertificate(certificate, key);
    }

    public void Dispose() => Certificate.Dispose();
}
