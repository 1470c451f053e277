using System.Net;
using System.Text.RegularExpressions;

namespace CentralDispatch.Web.Tests.Infrastructure;

/// <summary>An HttpClient signed in to the UI through the sign-in form (session cookie and antiforgery token), like a browser.</summary>
public static partial class SessionClient
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        var form = await client.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__antiforgery"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}.");
        return client;
    }

    [GeneratedRegex("name=\"__antiforgery\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
