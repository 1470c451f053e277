using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using CentralDispatch.Testing.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Tests.Security;

/// <summary>What may encrypt the key ring: an RSA certificate with its private key, as PKCS#12 or PEM.</summary>
public sealed class KeyRingOptionsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cd-keyring-options-");

    [Fact]
    public void PemAndPasswordProtectedPkcs12_AreAccepted_OnPostgres()
    {
        var pem = Validate(KeyRingCertificates.WritePem(_folder.FullName));
        var pfx = Validate(KeyRingCertificates.WritePfx(_folder.FullName, "a pfx password"));

        Assert.True(pem.Succeeded, pem.FailureMessage);
        Assert.True(pfx.Succeeded, pfx.FailureMessage);
    }

    [Fact]
    public void SqliteWithoutACertificate_IsAccepted_PostgresIsNot()
    {
        Assert.True(Validate([], StoreProvider.Sqlite).Succeeded);
        Assert.StartsWith("DataProtection:CertificateFile is required with a PostgreSQL store", Assert.Single(Validate([]).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEcdsaCertificate_AWrongPassword_OrAMissingFile_IsRefused_NamingTheKey()
    {
        var (ecdsa, ecdsaKey) = TestCertificates.ForHosts("keyring.example.test").WriteFiles(_folder.FullName);
        var pfx = KeyRingCertificates.WritePfx(_folder.FullName, "right");
        pfx["DataProtection:CertificatePassword"] = "wrong";

        var notRsa = Validate(new() { ["DataProtection:CertificateFile"] = ecdsa, ["DataProtection:CertificateKeyFile"] = ecdsaKey });
        var wrongPassword = Validate(pfx);
        var missing = Validate(new() { ["DataProtection:CertificateFile"] = Path.Combine(_folder.FullName, "absent.pfx") });

        Assert.Contains("must be an RSA certificate with its private key", Assert.Single(notRsa.Failures!), StringComparison.Ordinal);
        Assert.StartsWith("DataProtection:CertificateFile", Assert.Single(wrongPassword.Failures!), StringComparison.Ordinal);
        Assert.Contains("cannot be read as a certificate", Assert.Single(missing.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePassword_NeverShowsInTheOptionsText()
    {
        var options = new KeyRingOptions { CertificateFile = "/etc/cd/ring.pfx", CertificatePassword = "secret-pfx-password" };

        Assert.DoesNotContain("secret-pfx-password", options.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings, StoreProvider store = StoreProvider.Postgres)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new();
        options.Store = store;
        return new KeyRingOptionsValidator().Validate(Options.DefaultName, options);
    }
}
