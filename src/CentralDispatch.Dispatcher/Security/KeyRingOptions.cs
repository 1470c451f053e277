using CentralDispatch.Dispatcher.Store;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>
/// The certificate the Data Protection key ring is encrypted with (section "DataProtection"). Required with a PostgreSQL
/// store, where the key ring lies in the same database as the TLS private keys it encrypts; optional with SQLite.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>An RSA certificate with its private key, kept outside the store: PKCS#12 (.pfx/.p12) or PEM (`--key-ring-certificate`).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificateFile"/>, when not in the same file (`--key-ring-certificate-key`).</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>The PKCS#12 file's password, or an encrypted PEM key's. Give it by environment (DataProtection__CertificatePassword), never on a command line.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The store the key ring lives in; set at build, not bound.</summary>
    public StoreProvider Store { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificateFile);

    // The password must not reach a log through an options dump.
    public override string ToString() => $"KeyRingOptions {{ CertificateFile = {CertificateFile}, CertificateKeyFile = {CertificateKeyFile}, CertificatePassword = (hidden) }}";
}
