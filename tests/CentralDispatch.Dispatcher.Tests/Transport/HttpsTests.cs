using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Transport;

/// <summary>The UI over HTTPS served by the dispatcher itself (Kestrel with a certificate of the test CA): secure cookies and HSTS.</summary>
public sealed class HttpsTests : IAsyncLifetime
{
    // Not a loopback name: HSTS is never sent for localhost or 127.0.0.1, where it would pin every local port to HTTPS.
    private const string Hostname = "dispatch.transport.test";
    private DispatcherTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DispatcherTestHost.StartAsync(new() { HttpsHostname = Hostname });

    [Fact]
    public async Task SignIn_OverHttps_SetsSecureSessionAndAntiforgeryCookies_AndSendsHsts()
    {
        using var client = _host.Client();

        var (form, signedIn) = await UiSignIn.RunAsync(client, _host.AdminEmail, DispatcherTestHost.AdminPassword);

        Assert.Equal("https", _host.BaseAddress.Scheme);
        var antiforgery = UiSignIn.Cookie(form, "cd_antiforgery");
        var session = UiSignIn.Cookie(signedIn, "cd_session");
        Assert.True(UiSignIn.IsSecure(antiforgery), antiforgery);
        Assert.True(UiSignIn.IsSecure(session), session);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Api_OverHttps_AnswersWithTheDispatchersCertificate_AndHsts()
    {
        using var client = _host.Admin();

        var workers = await client.GetAsync("/api/v1/workers");

        Assert.Equal(System.Net.HttpStatusCode.OK, workers.StatusCode);
        Assert.True(workers.Headers.Contains("Strict-Transport-Security"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
