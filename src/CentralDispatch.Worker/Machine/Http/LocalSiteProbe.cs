using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Worker.Machine.Http;

/// <summary>
/// Asks the local web server for a site by name: the request goes to a local address (127.0.0.1 by default) but carries
/// the site's host name as SNI and Host header, as a visitor's would, whatever DNS says.
/// </summary>
public sealed class LocalSiteProbe(TimeProvider timeProvider)
{
    private const int MaxBody = 64 * 1024;

    /// <summary>GET https://HOST:PORT/ through <paramref name="address"/>; passes on 200 and, when given, the expected certificate.</summary>
    public async Task<ProbeResult> ProbeHttpsAsync(string host, int port, X509Certificate2? expectedCertificate, TimeSpan timeout, CancellationToken cancellationToken, IPAddress? address = null)
    {
        X509Certificate2? served = null;
        using var handler = Handler(address ?? IPAddress.Loopback);

        // The probe judges the certificate itself (by thumbprint); the chain of a test or self-signed certificate is not its concern.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            served = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        };
        var result = await GetAsync(handler, new Uri($"https://{host}:{port}/"), timeout, cancellationToken);
        using (served)
        {
            var thumbprint = served is null ? null : Thumbprint(served);
            if (result.Succeeded && expectedCertificate is not null && thumbprint != Thumbprint(expectedCertificate))
            {
                return result with { Succeeded = false, CertificateThumbprint = thumbprint, Failure = $"The server answered with certificate {thumbprint}, not the expected {Thumbprint(expectedCertificate)}." };
            }

            return result with { CertificateThumbprint = thumbprint };
        }
    }

    /// <summary>GET http://HOST:PORT/ through <paramref name="address"/>; passes on 200 (redirects are reported, not followed).</summary>
    public async Task<ProbeResult> ProbeHttpAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken, IPAddress? address = null)
    {
        using var handler = Handler(address ?? IPAddress.Loopback);
        return await GetAsync(handler, new Uri($"http://{host}:{port}/"), timeout, cancellationToken);
    }

    /// <summary>SHA-256 of the DER certificate, lower-case hex.</summary>
    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    private static SocketsHttpHandler Handler(IPAddress address) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.Zero,

        // Connect to the local server whatever the host name resolves to; TLS (and so SNI) still uses the URI's host.
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private async Task<ProbeResult> GetAsync(SocketsHttpHandler handler, Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBodyAsync(response, linked.Token);
            var status = (int)response.StatusCode;
            return status == 200
                ? new ProbeResult(true, status, null, body, null)
                : new ProbeResult(false, status, null, body, $"{uri} answered {status} {response.ReasonPhrase}, not 200.");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, null, null, null, $"{uri} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult(false, null, null, null, $"{uri} could not be reached: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBody];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }
}
