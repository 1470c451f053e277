using System.Security.Cryptography;

namespace CentralDispatch.Testing.Tls;

/// <summary>A test certificate as an operator would paste it: certificate, unencrypted PKCS#8 key and chain, all PEM.</summary>
public sealed record PemCertificate(
    string CertificatePem,
    string KeyPem,
    string ChainPem,
    TestKeyType KeyType,
    IReadOnlyList<string> DnsNames,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    /// <summary>Certificate followed by its chain, as web servers and curl's --cacert expect them.</summary>
    public string FullChainPem => CertificatePem + ChainPem;

    /// <summary>Writes the certificate (with its chain) and the key (0600) into <paramref name="folder"/> as PEM files.</summary>
    public (string CertificateFile, string KeyFile) WriteFiles(string folder, string name = "server")
    {
        var certificateFile = Path.Combine(folder, name + ".crt");
        var keyFile = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificateFile, FullChainPem);
        File.WriteAllText(keyFile, KeyPem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (certificateFile, keyFile);
    }

    /// <summary>The same certificate with the key of another one: key and certificate do not match.</summary>
    public PemCertificate WithKeyOf(PemCertificate other) => this with { KeyPem = other.KeyPem, KeyType = other.KeyType };

    /// <summary>The key as an encrypted PKCS#8 block ("ENCRYPTED PRIVATE KEY"), as a passphrase-protected key file holds it.</summary>
    public string EncryptedKeyPem(string password)
    {
        var parameters = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
        using AsymmetricAlgorithm key = KeyType == TestKeyType.Rsa2048 ? RSA.Create() : ECDsa.Create();
        key.ImportFromPem(KeyPem);
        return key.ExportEncryptedPkcs8PrivateKeyPem(password, parameters);
    }
}
