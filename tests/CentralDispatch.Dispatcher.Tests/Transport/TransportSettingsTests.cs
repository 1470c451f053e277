using CentralDispatch.Dispatcher.Transport;
using CentralDispatch.Testing.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Tests.Transport;

/// <summary>A transport setting that would expose the dispatcher, or cannot work, stops the start before anything is created.</summary>
public sealed class TransportSettingsTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("cd-transport-");

    private string Data => Path.Combine(_parent.FullName, "data");

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://dispatch.example.com:0")]
    public async Task PlainHttpThatOtherMachinesReach_IsRefused_NamingTheSettingThatAllowsIt(string url)
    {
        var message = await RefusedAsync(url);

        Assert.Contains($"Listen address {url} is plain http that other machines reach", message, StringComparison.Ordinal);
        Assert.Contains("set Transport:AllowInsecureHttp to true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_WithoutACertificate_IsRefused()
    {
        var message = await RefusedAsync("https://127.0.0.1:0");

        Assert.Contains("Transport:CertificateFile is required to listen on https://127.0.0.1:0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificate_WithoutAnHttpsAddress_OrWithTheWrongKey_IsRefused()
    {
        var pem = TestCertificates.WithKeyOfAnother("dispatch.transport.test");
        var (certificate, key) = pem.WriteFiles(_parent.FullName);

        var message = await RefusedAsync("http://127.0.0.1:0", new() { ["Transport:CertificateFile"] = certificate, ["Transport:CertificateKeyFile"] = key });

        Assert.Contains("Transport:CertificateFile is set, but no listen address is https://", message, StringComparison.Ordinal);
        Assert.Contains($"Transport:CertificateFile {certificate} cannot be used with {key}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProxyThatIsNotAnAddress_IsRefused()
    {
        var message = await RefusedAsync("http://127.0.0.1:0", new() { ["Transport:KnownProxies:0"] = "proxy.example.com", ["Transport:KnownNetworks:0"] = "10.0.0.0" });

        Assert.Contains("Transport:KnownProxies must list IP addresses (got 'proxy.example.com')", message, StringComparison.Ordinal);
        Assert.Contains("Transport:KnownNetworks must list networks in CIDR form", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", false)]
    [InlineData("http://localhost:8080", false)]
    [InlineData("http://[::1]:8080", false)]
    [InlineData("http://unix:/run/centraldispatch.sock", false)]
    [InlineData("http://0.0.0.0:8080", true)]
    public void LoopbackOrAllowedPlainHttp_IsValid(string url, bool allowInsecureHttp)
    {
        var result = new TransportOptionsValidator().Validate(Options.DefaultName, new TransportOptions { ListenUrls = [url], AllowInsecureHttp = allowInsecureHttp });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public void Dispose() => _parent.Delete(recursive: true);

    private async Task<string> RefusedAsync(string urls, Dictionary<string, string?>? configuration = null)
    {
        await using var app = DispatcherApp.Build(new DispatcherSettings(Data, null, urls, Configuration: configuration), b => b.Logging.ClearProviders());

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => DispatcherApp.StartAsync(app, CancellationToken.None));

        Assert.False(Directory.Exists(Data), "a refused start creates nothing");
        return refused.Message;
    }
}
