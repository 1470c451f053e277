using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Dispatcher.Transport;

/// <summary>The dispatcher's own TLS certificate, read from PEM files.</summary>
public static class ServerCertificate
{
    /// <exception cref="InvalidDataException">The files cannot be read, are not PEM, or key and certificate do not match.</exception>
    public static X509Certificate2 Load(string certificateFile, string? keyFile)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(keyFile)
                ? X509Certificate2.CreateFromPemFile(certificateFile)
                : X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidDataException($"cannot be used with {(string.IsNullOrWhiteSpace(keyFile) ? "the key in it" : keyFile)}: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidDataException("has no private key: give its PEM key file too");
        }

        return certificate;
    }
}
