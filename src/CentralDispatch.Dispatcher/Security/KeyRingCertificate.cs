using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Reads the key ring's certificate: PKCS#12, or PEM with its key (in the same file or its own, plain or encrypted).</summary>
public static class KeyRingCertificate
{
    /// <exception cref="InvalidDataException">It cannot be read, has no private key, or is not RSA (the key ring is encrypted to an RSA key).</exception>
    public static X509Certificate2 Load(KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.CertificateFile ?? throw new InvalidDataException("is not set");
        X509Certificate2 certificate;
        try
        {
            certificate = Read(path, options.CertificateKeyFile, options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidDataException($"{path} cannot be read as a certificate with its private key: {e.Message}", e);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidDataException($"{path} must be an RSA certificate with its private key (the key ring is encrypted to an RSA key)");
        }

        return certificate;
    }

    private static X509Certificate2 Read(string path, string? keyFile, string? password)
    {
        var hasPassword = !string.IsNullOrEmpty(password);
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            return hasPassword ? X509Certificate2.CreateFromEncryptedPemFile(path, password, keyFile) : X509Certificate2.CreateFromPemFile(path, keyFile);
        }

        if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return hasPassword ? X509Certificate2.CreateFromEncryptedPemFile(path, password) : X509Certificate2.CreateFromPemFile(path);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}
