using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class HostUrlRuleTests
{
    [Theory]
    [InlineData("https://web1.example.com")]
    [InlineData("https://web1.example.com/")]
    [InlineData("http://web1.example.com:8080")]
    [InlineData("https://xn--80ak6aa92e.com")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("https://[::1]:8443")]
    public void Check_AcceptsBaseAddressesTest(string url)
    {
        Assert.Null(HostUrlRule.Check(url));
    }

    private const string Required = "Required: the host's public base address";
    private const string NotAscii = " has spaces or characters outside ASCII; write an internationalised host in its xn-- form.";
    private const string NotHttp = " is not an http:// or https:// address.";
    private const string NotParsed = " is not a valid address: after the scheme give a host name or IP address and, optionally, a port from 1 to 65535.";
    private const string WithPath = "Give only the base address (scheme, host and optional port), without a path.";
    private const string WithCredentials = "The address must not contain a user name or password.";
    private const string WithQueryOrFragment = "The address must not have a query (?…) or fragment (#…).";

    // expected: the start of the message, so that an input refused for another reason fails.
    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Required)]
    [InlineData(" ", "' '" + NotAscii)]
    [InlineData("web1.example.com", "'web1.example.com'" + NotHttp)]
    [InlineData("ftp://web1.example.com", "'ftp://web1.example.com'" + NotHttp)]
    [InlineData("file:///etc/passwd", "'file:///etc/passwd'" + NotHttp)]
    [InlineData("javascript:alert(1)", "'javascript:alert(1)'" + NotHttp)]
    [InlineData("https://", "'https://'" + NotParsed)]
    [InlineData("https://user:secret@web1.example.com", WithCredentials)]
    [InlineData("https://web1.example.com/path", WithPath)]
    [InlineData("https://web1.example.com/../../etc/passwd", WithPath)]
    [InlineData("https://web1.example.com/..", WithPath)]
    [InlineData("https://web1.example.com/./", WithPath)]
    [InlineData("https://web1.example.com/%2e%2e/", WithPath)]
    [InlineData("https://web1.example.com\\..\\..", "'https://web1.example.com\\..\\..'" + NotParsed)] // Uri does not parse a backslash after the host
    [InlineData("https://web1.example.com\\", "'https://web1.example.com\\'" + NotParsed)]
    [InlineData("https://web1.example.com?x=1", WithQueryOrFragment)]
    [InlineData("https://web1.example.com#top", WithQueryOrFragment)]
    [InlineData("https://web1.example.com:99999", "'https://web1.example.com:99999'" + NotParsed)] // port out of range: Uri does not parse it
    [InlineData("https://WEB1.example.com", "'https://WEB1.example.com': write the host name in lower case.")]
    [InlineData("https://web1.example.com;id", "'https://web1.example.com;id'" + NotParsed)]
    [InlineData("https://web1.example.com$(id)", "'https://web1.example.com$(id)'" + NotParsed)]
    [InlineData("https://web1.example.com`id`", "'https://web1.example.com`id`'" + NotParsed)]
    [InlineData("https://web1.example.com'", "'https://web1.example.com''" + NotParsed)]
    [InlineData("https://web1.example.com\n", "'https://web1.example.com?'" + NotAscii)] // control characters are shown as '?'
    [InlineData("https://web1.example.com/\0", "'https://web1.example.com/?'" + NotAscii)]
    [InlineData("https://web 1.example.com", "'https://web 1.example.com'" + NotAscii)]
    [InlineData("https://web1.ex\u0430mple.com", "'https://web1.ex\u0430mple.com'" + NotAscii)] // Cyrillic 'а'
    [InlineData("https://web1.example.com\u200b", "'https://web1.example.com\u200b'" + NotAscii)]
    [InlineData("https://*.example.com", "'https://*.example.com'" + NotParsed)] // Uri does not parse '*' in a host
    [InlineData("https://web1", "'web1' is not fully qualified")]
    [InlineData("https://web1_x.example.com", "'web1_x.example.com': the label 'web1_x' may contain only a-z, 0-9 and '-'.")]
    public void Check_RefusesWhatIsNotAPlainBaseAddressTest(string? url, string expected)
    {
        Assert.StartsWith(expected, HostUrlRule.Check(url), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesOver2048CharactersTest()
    {
        Assert.Contains("Too long", HostUrlRule.Check("https://web1.example.com/" + new string('a', 2048)), StringComparison.Ordinal);
    }
}
