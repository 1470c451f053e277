using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Processes;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Core.Tests.Support;

/// <summary>The test certificates other tests rely on are what they claim to be.</summary>
public sealed class TestCertificatesTests
{
    private readonly string _host = TestNames.Hostname(TestNames.Unique("cert"));

    [Fact]
    public void ForHosts_ChainsToTheTestAuthorityAndCoversEveryNameTest()
    {
        var alias = "www." + _host;
        var pem = TestCertificates.ForHosts(_host, alias);

        using var leaf = X509Certificate2.CreateFromPem(pem.CertificatePem, pem.KeyPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.ImportFromPem(pem.ChainPem);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(leaf.MatchesHostname(_host, allowWildcards: false, allowCommonName: false));
        Assert.True(leaf.MatchesHostname(alias, allowWildcards: false, allowCommonName: false));
        Assert.NotNull(leaf.GetECDsaPublicKey());
        Assert.Equal(pem.ChainPem, TestCertificates.Authority.CertificatePem);
    }

    [Fact]
    public void Rsa_HasAnRsaKeyThatMatchesTest()
    {
        var pem = TestCertificates.Rsa(_host);

        using var leaf = X509Certificate2.CreateFromPem(pem.CertificatePem, pem.KeyPem);

        Assert.Equal(2048, leaf.GetRSAPublicKey()!.KeySize);
        Assert.Contains("-----BEGIN PRIVATE KEY-----", pem.KeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_AndNotYetValid_LieOnEitherSideOfNowTest()
    {
        var now = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);

        var expired = TestCertificates.Expired(_host, now);
        var early = TestCertificates.NotYetValid(_host, now);

        Assert.True(expired.NotAfter < now);
        Assert.True(early.NotBefore > now);
    }

    [Fact]
    public void WithKeyOfAnother_KeyDoesNotMatchTheCertificateTest()
    {
        var pem = TestCertificates.WithKeyOfAnother(_host);

        // .NET reports a mismatched key as ArgumentException on Linux, CryptographicException elsewhere.
        var error = Record.Exception(() => X509Certificate2.CreateFromPem(pem.CertificatePem, pem.KeyPem).Dispose());

        Assert.True(error is ArgumentException or CryptographicException, error?.ToString() ?? "no error: the key matched");
    }

    [Fact]
    public void WrongHostname_DoesNotCoverTheHostTest()
    {
        var pem = TestCertificates.WrongHostname(_host);

        using var leaf = X509Certificate2.CreateFromPem(pem.CertificatePem);

        Assert.False(leaf.MatchesHostname(_host));
    }

    [Fact]
    public void EncryptedKeyPem_OpensOnlyWithItsPasswordTest()
    {
        var pem = TestCertificates.ForHosts(_host);

        var encrypted = pem.EncryptedKeyPem("secret");

        Assert.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", encrypted, StringComparison.Ordinal);
        using var key = ECDsa.Create();
        Assert.ThrowsAny<CryptographicException>(() => key.ImportFromEncryptedPem(encrypted, "wrong"));
        key.ImportFromEncryptedPem(encrypted, "secret");
    }

    [Fact]
    public async Task ForHosts_IsAcceptedByOpenSslTest()
    {
        var ct = CancellationToken.None;
        var folder = Directory.CreateTempSubdirectory("cd-certs-");
        try
        {
            var pem = TestCertificates.ForHosts(_host);
            var ca = Path.Combine(folder.FullName, "ca.pem");
            var leaf = Path.Combine(folder.FullName, "leaf.pem");
            var key = Path.Combine(folder.FullName, "leaf.key");
            await File.WriteAllTextAsync(ca, pem.ChainPem, ct);
            await File.WriteAllTextAsync(leaf, pem.CertificatePem, ct);
            await File.WriteAllTextAsync(key, pem.KeyPem, ct);

            var verify = await CommandRunner.RunAsync("openssl", ["verify", "-CAfile", ca, "-verify_hostname", _host, leaf], ct);
            var keyCheck = await CommandRunner.RunAsync("openssl", ["pkey", "-in", key, "-noout", "-check"], ct);

            Assert.True(verify.Succeeded, verify.StandardError + verify.StandardOutput);
            Assert.True(keyCheck.Succeeded, keyCheck.StandardError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
