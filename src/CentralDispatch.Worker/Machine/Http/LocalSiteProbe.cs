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
    public Task<ProbeResult> ProbeHttpsAsync(string host, int port, X509Certificate2? expectedCertificate, TimeSpan timeout, CancellationToken cancellationToken, IPAddress? address = null) =>
        ProbeHttpsAsync(host, port, expectedCertificate, SiteRequest.Root(timeout), cancellationToken, address);

    /// <summary>
    /// GET https://HOST:PORT/PATH through <paramref name="address"/>; passes on an answer <paramref name="request"/> accepts
    /// served with, when given, the expected certificate.
    /// </summary>
    public async Task<ProbeResult> ProbeHttpsAsync(string host, int port, X509Certificate2? expectedCertificate, SiteRequest request, CancellationToken cancellationToken, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        X509Certificate2? served = null;
        using var handler = Handler(address ?? IPAddress.Loopback);

        // The probe judges the certificate itself (by thumbprint); the chain of a test or self-signed certificate is not its concern.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            served = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        };
        var result = await GetAsync(handler, RequestUri("https", host, port, request), request, cancellationToken);
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
    public Task<ProbeResult> ProbeHttpAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken, IPAddress? address = null) =>
        ProbeHttpAsync(host, port, SiteRequest.Root(timeout), cancellationToken, address);

    /// <summary>GET http://HOST:PORT/PATH through <paramref name="address"/>; passes on an answer <paramref name="request"/> accepts.</summary>
    public async Task<ProbeResult> ProbeHttpAsync(string host, int port, SiteRequest request, CancellationToken cancellationToken, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var handler = Handler(address ?? IPAddress.Loopback);
        return await GetAsync(handler, RequestUri("http", host, port, request), request, cancellationToken);
    }

    /// <summary>SHA-256 of the DER certificate, lower-case hex.</summary>
    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    private static Uri RequestUri(string scheme, string host, int port, SiteRequest request) =>
        SiteRequest.PathProblem(request.Path) is { } problem
            ? throw new ArgumentException($"The path {problem}.", nameof(request))
            : new Uri($"{scheme}://{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{request.Path}");

    private static SocketsHttpHandler Handler(IPAddress address) => new()
    {
        // Never followed: a redirect (to the installer, or to another host) is judged by its status, and no request leaves for elsewhere.
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

    private async Task<ProbeResult> GetAsync(SocketsHttpHandler handler, Uri uri, SiteRequest request, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(request.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var asked = $"GET {uri.AbsoluteUri}";
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBodyAsync(response, linked.Token);
            var status = (int)response.StatusCode;
            var answer = $"{asked} → {status}{LocationOf(response)}";
            var failure = !request.Accepted.Contains(status)
                ? $"{asked} answered {status} {response.ReasonPhrase}{LocationOf(response)}, not one of the accepted statuses ({request.Accepted})."
                : request.ExpectedText is { Length: > 0 } text && status is >= 200 and <= 299 && !body.Contains(text, StringComparison.Ordinal)
                    ? $"{asked} answered {status}, but its body (first {MaxBody / 1024} KiB) does not contain the expected text '{text}'."
                    : null;
            return new ProbeResult(failure is null, status, null, body, failure, answer);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, null, null, null, $"{asked} did not answer within {request.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult(false, null, null, null, $"{asked} could not be reached: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>Where a redirect points, as the operator reads it; never followed.</summary>
    private static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? $" to {(location.OriginalString.Length > 200 ? location.OriginalString[..200] + "…" : location.OriginalString)}"
            : "";

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
