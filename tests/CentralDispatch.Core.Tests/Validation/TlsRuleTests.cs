using System.Security.Cryptography;
using CentralDispatch.Core.Validation;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class TlsRuleTests
{
    private const string Host = "shop.example.test";
    private const string Alias = "www.shop.example.test";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly FieldErrors _errors = new();

    [Fact]
    public void Validate_AcceptsMatchingCertificateKeyAndChainTest()
    {
        var pem = TestCertificates.ForHosts([Host, Alias], Now);

        var tls = Validate(pem, Host, Alias);

        Assert.NotNull(tls);
        Assert.True(_errors.IsEmpty, _errors.ToString());
        Assert.Equal(pem.CertificatePem.Trim() + "\n", tls.CertificatePem);
        Assert.Equal(pem.KeyPem.Trim() + "\n", tls.KeyPem);
        Assert.Equal(pem.ChainPem.Trim() + "\n", tls.ChainPem);
        Assert.Equal(pem.NotAfter, tls.NotAfter);
        Assert.Contains(Host, tls.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsRsaCertificateWithPkcs1KeyTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now, TestKeyType.Rsa2048);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem.KeyPem);

        var tls = Validate(pem with { KeyPem = rsa.ExportRSAPrivateKeyPem() }, Host);

        Assert.NotNull(tls);
        Assert.True(_errors.IsEmpty, _errors.ToString());
    }

    [Fact]
    public void Validate_AcceptsCertificateWithoutChainTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        var tls = TlsRule.Validate(pem.CertificatePem, pem.KeyPem, null, [Host], Now, _errors);

        Assert.NotNull(tls);
        Assert.Null(tls.ChainPem);
    }

    [Fact]
    public void Validate_ReturnsNothingAndNoErrorWhenNoTlsIsGivenTest()
    {
        Assert.Null(TlsRule.Validate(null, "  ", null, [Host], Now, _errors));
        Assert.True(_errors.IsEmpty);
    }

    [Fact]
    public void Validate_RefusesKeyOfAnotherCertificateOnTheKeyFieldTest()
    {
        var pem = TestCertificates.WithKeyOfAnother(Host, Now);

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.KeyField, "does not match the certificate");
    }

    [Fact]
    public void Validate_RefusesRsaKeyForEcdsaCertificateTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now).WithKeyOf(TestCertificates.ForHosts([Host], Now, TestKeyType.Rsa2048));

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.KeyField);
    }

    [Fact]
    public void Validate_RefusesExpiredCertificateTest()
    {
        Assert.Null(Validate(TestCertificates.Expired(Host, Now), Host));
        AssertOnlyError(TlsRule.CertificateField, "expired");
    }

    [Fact]
    public void Validate_RefusesCertificateThatIsNotYetValidTest()
    {
        Assert.Null(Validate(TestCertificates.NotYetValid(Host, Now), Host));
        AssertOnlyError(TlsRule.CertificateField, "not valid before");
    }

    [Fact]
    public void Validate_RefusesCertificateThatDoesNotCoverTheHostnameTest()
    {
        Assert.Null(Validate(TestCertificates.WrongHostname(Host, Now), Host));
        AssertOnlyError(TlsRule.CertificateField, Host);
    }

    [Fact]
    public void Validate_RefusesCertificateThatDoesNotCoverAnAliasTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem, Host, Alias));
        AssertOnlyError(TlsRule.CertificateField, Alias);
    }

    [Fact]
    public void Validate_AcceptsWildcardCertificateForASubdomainTest()
    {
        var pem = TestCertificates.ForHosts(["*.example.test"], Now);

        Assert.NotNull(Validate(pem, Host));
        Assert.True(_errors.IsEmpty, _errors.ToString());
    }

    [Theory]
    [InlineData("example.test")] // a wildcard does not cover its own apex
    [InlineData("a.shop.example.test")] // nor two levels down
    public void Validate_RefusesWildcardCertificateForNamesItDoesNotCoverTest(string hostname)
    {
        var pem = TestCertificates.ForHosts(["*.example.test"], Now);

        Assert.Null(Validate(pem, hostname));
        AssertOnlyError(TlsRule.CertificateField, hostname);
    }

    [Fact]
    public void Validate_RefusesChainThatDoesNotStartWithTheIssuerTest()
    {
        using var otherAuthority = TestCertificateAuthority.Create("Some Other CA");
        var pem = TestCertificates.ForHosts([Host], Now) with { ChainPem = otherAuthority.CertificatePem };

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.ChainField, "issuer");
    }

    [Fact]
    public void Validate_RefusesChainThatIsNotPemTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now) with { ChainPem = "not a chain" };

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.ChainField);
    }

    [Fact]
    public void Validate_RefusesChainHoldingAPrivateKeyTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem with { ChainPem = pem.ChainPem + pem.KeyPem }, Host));
        AssertOnlyError(TlsRule.ChainField);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void Validate_RefusesGarbageCertificateTest(string certificatePem)
    {
        var pem = TestCertificates.ForHosts([Host], Now) with { CertificatePem = certificatePem };

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.CertificateField);
    }

    [Fact]
    public void Validate_RefusesTwoCertificatesInTheCertificateFieldTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem with { CertificatePem = pem.CertificatePem + pem.ChainPem }, Host));
        AssertOnlyError(TlsRule.CertificateField, "exactly one");
    }

    [Fact]
    public void Validate_RefusesTextBeforeTheCertificateBlockTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem with { CertificatePem = "rm -rf /\n" + pem.CertificatePem }, Host));
        AssertOnlyError(TlsRule.CertificateField);
    }

    [Fact]
    public void Validate_RefusesTextBeforeTheKeyBlockTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem with { KeyPem = "'; DROP TABLE x; --\n" + pem.KeyPem }, Host));
        AssertOnlyError(TlsRule.KeyField);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    public void Validate_RefusesGarbageKeyTest(string keyPem)
    {
        var pem = TestCertificates.ForHosts([Host], Now) with { KeyPem = keyPem };

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.KeyField);
    }

    [Fact]
    public void Validate_RefusesEncryptedKeyTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(Validate(pem with { KeyPem = pem.EncryptedKeyPem("secret") }, Host));
        AssertOnlyError(TlsRule.KeyField, "encrypted");
    }

    [Fact]
    public void Validate_RefusesLegacyEncryptedKeyTest()
    {
        const string legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        var pem = TestCertificates.ForHosts([Host], Now) with { KeyPem = legacy };

        Assert.Null(Validate(pem, Host));
        AssertOnlyError(TlsRule.KeyField);
    }

    [Fact]
    public void Validate_RefusesKeyWithoutCertificateTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(TlsRule.Validate(null, pem.KeyPem, null, [Host], Now, _errors));
        AssertOnlyError(TlsRule.CertificateField, "without its certificate");
    }

    [Fact]
    public void Validate_RefusesCertificateWithoutKeyTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(TlsRule.Validate(pem.CertificatePem, "", null, [Host], Now, _errors));
        AssertOnlyError(TlsRule.KeyField, "Required");
    }

    [Fact]
    public void Validate_RefusesChainWithoutCertificateTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);

        Assert.Null(TlsRule.Validate(null, null, pem.ChainPem, [Host], Now, _errors));
        AssertOnlyError(TlsRule.ChainField, "without a certificate");
    }

    [Fact]
    public void Validate_RefusesOverLongPemWithoutParsingItTest()
    {
        var pem = TestCertificates.ForHosts([Host], Now);
        var huge = pem.CertificatePem + new string('\n', TlsRule.MaxPemLength);

        Assert.Null(Validate(pem with { CertificatePem = huge }, Host));
        AssertOnlyError(TlsRule.CertificateField, "Too long");
    }

    [Fact]
    public void Validate_ReportsExpiryAndUncoveredHostTogetherTest()
    {
        var pem = TestCertificates.Expired("other.example.test", Now);

        Assert.Null(Validate(pem, Host));
        var messages = _errors.ToDictionary()[TlsRule.CertificateField];
        Assert.Contains(messages, m => m.Contains("expired", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains(Host, StringComparison.Ordinal));
    }

    private ValidatedTls? Validate(PemCertificate pem, params string[] hostnames) =>
        TlsRule.Validate(pem.CertificatePem, pem.KeyPem, pem.ChainPem, hostnames, Now, _errors);

    private void AssertOnlyError(string field, string? messagePart = null)
    {
        Assert.Equal([field], _errors.Fields);
        if (messagePart is not null)
        {
            Assert.Contains(_errors.ToDictionary()[field], message => message.Contains(messagePart, StringComparison.Ordinal));
        }
    }
}
