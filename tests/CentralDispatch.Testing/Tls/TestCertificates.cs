namespace CentralDispatch.Testing.Tls;

/// <summary>
/// Ready-made test certificates, all issued by one test CA made once per test process (its PEM is every leaf's
/// chain). Times are relative to <c>now</c> (the system clock unless a test passes its fake clock's time).
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<TestCertificateAuthority> SharedAuthority = new(() => TestCertificateAuthority.Create());

    public static TestCertificateAuthority Authority => SharedAuthority.Value;

    /// <summary>Valid from a day ago for 90 days, covering every name given.</summary>
    public static PemCertificate ForHosts(params string[] dnsNames) => ForHosts(dnsNames, Now());

    public static PemCertificate ForHosts(IReadOnlyList<string> dnsNames, DateTimeOffset now, TestKeyType keyType = TestKeyType.EcdsaP256) =>
        Authority.Issue(dnsNames, now.AddDays(-1), now.AddDays(90), keyType);

    /// <summary>An RSA 2048 certificate; slower to make, so only where a test needs RSA.</summary>
    public static PemCertificate Rsa(params string[] dnsNames) => ForHosts(dnsNames, Now(), TestKeyType.Rsa2048);

    /// <summary>Expired yesterday.</summary>
    public static PemCertificate Expired(string dnsName, DateTimeOffset? now = null)
    {
        var at = now ?? Now();
        return Authority.Issue([dnsName], at.AddDays(-30), at.AddDays(-1));
    }

    /// <summary>Valid only from tomorrow.</summary>
    public static PemCertificate NotYetValid(string dnsName, DateTimeOffset? now = null)
    {
        var at = now ?? Now();
        return Authority.Issue([dnsName], at.AddDays(1), at.AddDays(30));
    }

    /// <summary>A valid certificate for another host name than <paramref name="dnsName"/>.</summary>
    public static PemCertificate WrongHostname(string dnsName, DateTimeOffset? now = null) =>
        ForHosts(["other-" + dnsName], now ?? Now());

    /// <summary>A valid certificate for <paramref name="dnsName"/> paired with the private key of another certificate.</summary>
    public static PemCertificate WithKeyOfAnother(string dnsName, DateTimeOffset? now = null)
    {
        var at = now ?? Now();
        return ForHosts([dnsName], at).WithKeyOf(ForHosts([dnsName], at));
    }

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();
}
