using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Testing.Tls;

/// <summary>
/// The RSA certificate a dispatcher on PostgreSQL encrypts its Data Protection key ring with (DataProtection:CertificateFile),
/// made once per test process (an RSA key is slow to make) and written as files where a test wants them.
/// </summary>
public static class KeyRingCertificates
{
    private static readonly Lazy<X509Certificate2> Shared = new(() => Create("Central Dispatch test key ring"));

    /// <summary>A certificate of its own (another dispatcher's, say).</summary>
    public static X509Certificate2 Create(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        return request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>The shared certificate as PEM certificate and key files in <paramref name="folder"/>; the settings that name them.</summary>
    public static Dictionary<string, string?> WritePem(string folder, X509Certificate2? certificate = null)
    {
        var source = certificate ?? Shared.Value;
        var certificateFile = Path.Combine(folder, "key-ring.crt");
        var keyFile = Path.Combine(folder, "key-ring.key");
        File.WriteAllText(certificateFile, source.ExportCertificatePem());
        using var rsa = source.GetRSAPrivateKey()!;
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
        return new(StringComparer.OrdinalIgnoreCase) { ["DataProtection:CertificateFile"] = certificateFile, ["DataProtection:CertificateKeyFile"] = keyFile };
    }

    /// <summary>The shared certificate as a password-protected PKCS#12 file in <paramref name="folder"/>; the settings that name it.</summary>
    public static Dictionary<string, string?> WritePfx(string folder, string password)
    {
        var file = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(file, Shared.Value.Export(X509ContentType.Pfx, password));
        return new(StringComparer.OrdinalIgnoreCase) { ["DataProtection:CertificateFile"] = file, ["DataProtection:CertificatePassword"] = password };
    }
}
