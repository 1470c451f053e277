using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Testing.Tls;

/// <summary>
/// An HttpClient for an HTTPS server on 127.0.0.1 that presents a certificate of the test CA (<see cref="TestCertificates"/>)
/// for a host name: it connects to 127.0.0.1 whatever the name, sends the name (SNI, Host) and trusts only the test CA.
/// Cookies are not kept and redirects not followed, so a test sees every Set-Cookie and Location as sent.
/// </summary>
public static class HttpsTestClient
{
    public static HttpClient Create(string hostname, int port)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = LoopbackConnection.ConnectAsync,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate as X509Certificate2, errors) },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{hostname}:{port}/"), Timeout = TimeSpan.FromSeconds(100) };
    }

    private static bool IsTrusted(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.ImportFromPem(TestCertificates.Authority.CertificatePem);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
