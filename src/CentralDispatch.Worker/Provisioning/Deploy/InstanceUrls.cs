using System.Globalization;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>How an instance is served here: over HTTPS (its own or the default certificate) or plain HTTP, and its URL.</summary>
public static class InstanceUrls
{
    public static bool ServedOverHttps(InstancePayload instance, WorkerOptions options) =>
        instance.Tls is not null || HasDefaultCertificate(options);

    public static bool HasDefaultCertificate(WorkerOptions options) =>
        !string.IsNullOrEmpty(options.WebServer.DefaultCertificateFile) && !string.IsNullOrEmpty(options.WebServer.DefaultKeyFile);

    /// <summary>The address the instance answers on, with the port when it is not the scheme's default (sandbox).</summary>
    public static string Url(InstancePayload instance, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        return ServedOverHttps(instance, options)
            ? Format("https", instance.Hostname, options.WebServer.HttpsPort, 443)
            : Format("http", instance.Hostname, options.WebServer.HttpPort, 80);
    }

    private static string Format(string scheme, string host, int port, int defaultPort) =>
        port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}";
}
