using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An HTTPS request to an instance's URL as a browser would make it (its host name as SNI and Host header), but
/// connected to 127.0.0.1 whatever the name resolves to, as `curl --resolve` does. Records the certificate served.
/// </summary>
public static class SiteProbe
{
    public sealed record Answer(HttpStatusCode Status, string Body, X509Certificate2? Certificate);

    public static async Task<Answer> GetAsync(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        X509Certificate2? served = null;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = LoopbackConnection.ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions
            {
                // The test only needs to see which certificate came back; it compares it with the instance's own.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate is null ? null : new X509Certificate2(certificate);
                    return true;
                },
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(url);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), served);
    }
}
