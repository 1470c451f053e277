using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace CentralDispatch.Testing.Hosting;

/// <summary>
/// Signs in through the web UI's form as a browser does (antiforgery cookie and field, then the session cookie), with a
/// client that keeps no cookies itself, so the test sees each Set-Cookie exactly as the dispatcher sent it.
/// </summary>
public static partial class UiSignIn
{
    /// <summary>The sign-in form's response and the sign-in's; <paramref name="decorate"/> adds headers to both requests (a proxy's).</summary>
    public static async Task<(HttpResponseMessage Form, HttpResponseMessage SignedIn)> RunAsync(HttpClient client, string email, string password,
        Action<HttpRequestMessage>? decorate = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/signin");
        decorate?.Invoke(get);
        var form = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = email,
                ["Form.Password"] = password,
                ["__antiforgery"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(c => c.Split(';')[0])));
        decorate?.Invoke(post);
        var signedIn = await client.SendAsync(post);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)signedIn.StatusCode}.");
        return (form, signedIn);
    }

    /// <summary>
    /// A client signed in to the UI as <paramref name="email"/>: it sends the session and antiforgery cookies the sign-in
    /// set with every request, and follows no redirects.
    /// </summary>
    public static async Task<HttpClient> SessionAsync(Uri baseAddress, string email, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var (form, signedIn) = await RunAsync(client, email, password);
        var cookies = SetCookies(form).Concat(SetCookies(signedIn)).Select(c => c.Split(';')[0]);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    /// <summary>The Set-Cookie header of the cookie <paramref name="name"/>; fails when it was not set.</summary>
    public static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(SetCookies(response), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    public static bool IsSecure(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("name=\"__antiforgery\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
