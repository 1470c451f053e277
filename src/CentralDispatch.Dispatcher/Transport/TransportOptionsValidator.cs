using System.Net;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Transport;

/// <summary>Checks <see cref="TransportOptions"/> before the dispatcher touches its store; each message names the key to fix.</summary>
public sealed class TransportOptionsValidator : IValidateOptions<TransportOptions>
{
    public ValidateOptionsResult Validate(string? name, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var addresses = options.ListenUrls.Select(ListenAddress.Parse).ToList();
        foreach (var plain in addresses.Where(a => !a.IsHttps && !a.IsLocal && !options.AllowInsecureHttp))
        {
            problems.Add($"Listen address {plain.Url} is plain http that other machines reach: sign-in passwords, session cookies, tokens and "
                         + "the TLS private keys that workers claim would cross the network unencrypted; serve https:// with "
                         + $"{Key(nameof(options.CertificateFile))}, or listen on 127.0.0.1 behind a TLS-terminating proxy, "
                         + $"or set {Key(nameof(options.AllowInsecureHttp))} to true on a network you trust");
        }

        CheckCertificate(options, addresses, problems);
        foreach (var proxy in options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            problems.Add($"{Key(nameof(options.KnownProxies))} must list IP addresses (got '{proxy}')");
        }

        foreach (var network in options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            problems.Add($"{Key(nameof(options.KnownNetworks))} must list networks in CIDR form, e.g. 10.0.0.0/24 (got '{network}')");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static string Key(string property) => $"{TransportOptions.Section}:{property}";

    private static void CheckCertificate(TransportOptions options, List<ListenAddress> addresses, List<string> problems)
    {
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificateFile);
        if (!hasCertificate)
        {
            if (!string.IsNullOrWhiteSpace(options.CertificateKeyFile))
            {
                problems.Add($"{Key(nameof(options.CertificateKeyFile))} is set without {Key(nameof(options.CertificateFile))}: give the certificate too");
            }
            else if (addresses.FirstOrDefault(a => a.IsHttps) is { } https && !options.KestrelDefaultCertificate)
            {
                problems.Add($"{Key(nameof(options.CertificateFile))} is required to listen on {https.Url}: the PEM certificate (and "
                             + $"{Key(nameof(options.CertificateKeyFile))}, its key) that https is served with");
            }

            return;
        }

        if (!addresses.Any(a => a.IsHttps))
        {
            problems.Add($"{Key(nameof(options.CertificateFile))} is set, but no listen address is https://: listen on one, e.g. https://0.0.0.0:8443");
        }

        try
        {
            using var _ = ServerCertificate.Load(options.CertificateFile!, options.CertificateKeyFile);
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{Key(nameof(options.CertificateFile))} {options.CertificateFile} {e.Message}");
        }
    }
}
