namespace CentralDispatch.Dispatcher.Transport;

/// <summary>
/// How the dispatcher is reached (section "Transport"): HTTPS with its own certificate, or plain http on loopback
/// behind a TLS-terminating proxy whose forwarded headers it trusts.
/// </summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>PEM certificate (chain after it) that https:// addresses are served with (`dispatch serve --certificate`).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Its unencrypted PEM private key (`--certificate-key`); without it the key must follow the certificate in <see cref="CertificateFile"/>.</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Allow plain http:// on an address other machines reach (`--allow-insecure-http`); refused otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Proxies (IP addresses) whose X-Forwarded-For/-Proto are believed; none configured means loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/24) whose proxies are believed, besides <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The addresses the dispatcher listens on (--urls, ASPNETCORE_URLS, Kestrel:Endpoints); set at build, not bound.</summary>
    public IReadOnlyList<string> ListenUrls { get; set; } = [];

    /// <summary>Kestrel's own default certificate is configured (Kestrel:Certificates:Default:Path); set at build, not bound.</summary>
    public bool KestrelDefaultCertificate { get; set; }
}
