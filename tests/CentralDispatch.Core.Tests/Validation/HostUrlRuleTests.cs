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

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("web1.example.com")]
    [InlineData("ftp://web1.example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("https://user:secret@web1.example.com")]
    [InlineData("https://web1.example.com/path")]
    [InlineData("https://web1.example.com/../../etc/passwd")]
    [InlineData("https://web1.example.com/..")]
    [InlineData("https://web1.example.com/./")]
    [InlineData("https://web1.example.com/%2e%2e/")]
    [InlineData("https://web1.example.com\\..\\..")]
    [InlineData("https://web1.example.com\\")]
    [InlineData("https://web1.example.com?x=1")]
    [InlineData("https://web1.example.com#top")]
    [InlineData("https://web1.example.com:99999")]
    [InlineData("https://WEB1.example.com")]
    [InlineData("https://web1.example.com;id")]
    [InlineData("https://web1.example.com$(id)")]
    [InlineData("https://web1.example.com`id`")]
    [InlineData("https://web1.example.com'")]
    [InlineData("https://web1.example.com\n")]
    [InlineData("https://web1.example.com/\0")]
    [InlineData("https://web 1.example.com")]
    [InlineData("https://web1.ex\u0430mple.com")] // Cyrillic 'а'
    [InlineData("https://web1.example.com\u200b")]
    [InlineData("https://*.example.com")]
    [InlineData("https://web1")]
    [InlineData("https://web1_x.example.com")]
    public void Check_RefusesWhatIsNotAPlainBaseAddressTest(string? url)
    {
        Assert.NotNull(HostUrlRule.Check(url));
    }

    [Fact]
    public void Check_RefusesOver2048CharactersTest()
    {
        Assert.Contains("Too long", HostUrlRule.Check("https://web1.example.com/" + new string('a', 2048)), StringComparison.Ordinal);
    }
}
