using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Transport;

/// <summary>
/// The dispatcher on plain http on loopback behind a TLS-terminating proxy: a request the proxy says came over HTTPS
/// (X-Forwarded-Proto) counts as HTTPS, but only from a proxy it knows (loopback unless configured otherwise).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Hostname = "dispatch.transport.test";

    [Fact]
    public async Task SignIn_ThroughTheLoopbackProxy_WithForwardedProtoHttps_SetsSecureCookies_AndSendsHsts()
    {
        await using var host = await DispatcherTestHost.StartAsync();
        using var client = PlainClient(host);

        var (form, signedIn) = await UiSignIn.RunAsync(client, host.AdminEmail, DispatcherTestHost.AdminPassword, AsProxyFromHttps);

        Assert.True(UiSignIn.IsSecure(UiSignIn.Cookie(form, "cd_antiforgery")));
        Assert.True(UiSignIn.IsSecure(UiSignIn.Cookie(signedIn, "cd_session")));
        Assert.True(form.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_OverPlainHttpOnLoopback_SetsCookiesWithoutSecure_AndNoHsts()
    {
        await using var host = await DispatcherTestHost.StartAsync();
        using var client = PlainClient(host);

        var (form, signedIn) = await UiSignIn.RunAsync(client, host.AdminEmail, DispatcherTestHost.AdminPassword, r => r.Headers.Host = Hostname);

        Assert.False(UiSignIn.IsSecure(UiSignIn.Cookie(form, "cd_antiforgery")));
        Assert.False(UiSignIn.IsSecure(UiSignIn.Cookie(signedIn, "cd_session")));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProto_FromAPeerThatIsNotAConfiguredProxy_IsIgnored()
    {
        // Only 192.0.2.1 is a proxy now: the test's own loopback connection is a client like any other.
        await using var host = await DispatcherTestHost.StartAsync(new() { Configuration = new Dictionary<string, string?> { ["Transport:KnownProxies:0"] = "192.0.2.1" } });
        using var client = PlainClient(host);

        var (form, signedIn) = await UiSignIn.RunAsync(client, host.AdminEmail, DispatcherTestHost.AdminPassword, AsProxyFromHttps);

        Assert.False(UiSignIn.IsSecure(UiSignIn.Cookie(form, "cd_antiforgery")));
        Assert.False(UiSignIn.IsSecure(UiSignIn.Cookie(signedIn, "cd_session")));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpClient PlainClient(DispatcherTestHost host) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

    /// <summary>What Apache (RequestHeader set X-Forwarded-Proto https) or nginx (proxy_set_header X-Forwarded-Proto $scheme) sends.</summary>
    private static void AsProxyFromHttps(HttpRequestMessage request)
    {
        request.Headers.Host = Hostname;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
    }
}
