using System.Net;
using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Cli.Tests;

/// <summary>`dispatch serve` over HTTPS with its own certificate, and its refusal of settings that would expose it or its keys.</summary>
public sealed class ServeTransportTests : IDisposable
{
    private const string Hostname = "dispatch.serve.test";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cd-cli-serve-");

    private string Data => Path.Combine(_folder.FullName, "data");

    [Fact]
    public async Task Serve_WithCertificateAndKey_ServesHttps_WithHsts()
    {
        var (certificate, key) = TestCertificates.ForHosts(Hostname).WriteFiles(_folder.FullName);

        await using var server = await ServeProcess.StartAsync(Data, "https", port => HttpsTestClient.Create(Hostname, port),
            "--certificate", certificate, "--certificate-key", key);
        using var client = HttpsTestClient.Create(Hostname, server.Address.Port);
        var signIn = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(signIn.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cd_antiforgery=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Serve_OnPlainHttpThatOtherMachinesReach_Exits1NamingTheFlag_AndCreatesNothing()
    {
        var result = await DispatchProcess.RunAsync(["serve", "--data", Data, "--urls", "http://0.0.0.0:8080"]);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: --urls: Listen address http://0.0.0.0:8080 is plain http that other machines reach", error, StringComparison.Ordinal);
        Assert.Contains("Transport:AllowInsecureHttp", error, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-http", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_WithAKeyOfAnotherCertificate_OrWithoutAnHttpsAddress_Exits1NamingTheFlag_AndCreatesNothing()
    {
        var (certificate, key) = TestCertificates.WithKeyOfAnother(Hostname).WriteFiles(_folder.FullName);

        var mismatch = await DispatchProcess.RunAsync(["serve", "--data", Data, "--urls", "https://127.0.0.1:8443", "--certificate", certificate, "--certificate-key", key]);
        var noHttps = await DispatchProcess.RunAsync(["serve", "--data", Data, "--certificate", certificate]);

        Assert.Equal(1, mismatch.ExitCode);
        Assert.StartsWith($"error: --certificate: Transport:CertificateFile {certificate} cannot be used with {key}", Assert.Single(mismatch.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, noHttps.ExitCode);
        Assert.Contains("--certificate: Transport:CertificateFile is set, but no listen address is https://", Assert.Single(noHttps.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_OnPostgresWithoutAKeyRingCertificate_Exits1NamingTheFlag_BeforeConnecting()
    {
        var result = await DispatchProcess.RunAsync(["serve", "--data", Data, "--database", $"Host=127.0.0.1;Port={FreePort.Next()};Database=never_reached"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: --key-ring-certificate: DataProtection:CertificateFile is required with a PostgreSQL store", Assert.Single(result.ErrorLines),
            StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
