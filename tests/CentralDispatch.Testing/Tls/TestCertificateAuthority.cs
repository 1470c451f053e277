using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Testing.Tls;

/// <summary>A certificate authority for tests that issues leaf certificates for given host names (SAN dNSName entries).</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    /// <summary>Wide enough for any leaf a test asks for, expired and not-yet-valid ones included.</summary>
    private static readonly DateTimeOffset ValidFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidUntil = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly X509Certificate2 _certificate;
    private readonly ECDsa _key;

    private TestCertificateAuthority(X509Certificate2 certificate)
    {
        _certificate = certificate;
        _key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The CA certificate has no private key.");
        CertificatePem = certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>The CA certificate in PEM: the chain of every leaf it issues, and what a client trusts.</summary>
    public string CertificatePem { get; }

    public string Subject => _certificate.Subject;

    public static TestCertificateAuthority Create(string commonName = "Central Dispatch Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}, O=Central Dispatch Tests"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new TestCertificateAuthority(request.CreateSelfSigned(ValidFrom, ValidUntil));
    }

    /// <summary>Issues a server certificate covering <paramref name="dnsNames"/> (wildcards allowed, e.g. *.example.test).</summary>
    public PemCertificate Issue(IReadOnlyList<string> dnsNames, DateTimeOffset notBefore, DateTimeOffset notAfter,
        TestKeyType keyType = TestKeyType.EcdsaP256)
    {
        ArgumentOutOfRangeException.ThrowIfZero(dnsNames.Count);
        using AsymmetricAlgorithm key = keyType == TestKeyType.Rsa2048 ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(dnsNames, key);
        // The signature generator overload: the plain one refuses a leaf whose key type differs from the CA's.
        using var leaf = request.Create(_certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), notBefore, notAfter, SerialNumber());
        var keyPem = key is RSA rsa ? rsa.ExportPkcs8PrivateKeyPem() : ((ECDsa)key).ExportPkcs8PrivateKeyPem();
        return new PemCertificate(leaf.ExportCertificatePem() + "\n", keyPem + "\n", CertificatePem, keyType, [.. dnsNames],
            new DateTimeOffset(leaf.NotBefore.ToUniversalTime()), new DateTimeOffset(leaf.NotAfter.ToUniversalTime()));
    }

    public void Dispose()
    {
        _key.Dispose();
        _certificate.Dispose();
    }

    private CertificateRequest LeafRequest(IReadOnlyList<string> dnsNames, AsymmetricAlgorithm key)
    {
        var subject = new X500DistinguishedName($"CN={dnsNames[0]}");
        var request = key is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        var usage = X509KeyUsageFlags.DigitalSignature | (key is RSA ? X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.None);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        return request;
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive integer, as RFC 5280 wants
        return serial;
    }
}
