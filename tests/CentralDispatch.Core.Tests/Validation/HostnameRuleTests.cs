using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class HostnameRuleTests
{
    [Theory]
    [InlineData("shop.example.com")]
    [InlineData("a.b")]
    [InlineData("my-shop.example.co.uk")]
    [InlineData("xn--80ak6aa92e.com")] // punycode (an internationalised name, ASCII form)
    [InlineData("shop.xn--p1ai")]
    [InlineData("1shop.example.com")] // RFC 1123 allows a leading digit
    public void Check_AcceptsLowerCaseFullyQualifiedNamesTest(string hostname)
    {
        Assert.Null(HostnameRule.Check(hostname));
    }

    [Fact]
    public void Check_AcceptsExactly253CharactersAnd63CharacterLabelsTest()
    {
        var name = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));

        Assert.Equal(253, name.Length);
        Assert.Null(HostnameRule.Check(name));
    }

    [Fact]
    public void Check_Refuses254CharactersTest()
    {
        var name = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 62));

        Assert.Equal(254, name.Length);
        Assert.Contains("Too long", HostnameRule.Check(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesLabelOf64CharactersTest()
    {
        Assert.Contains("at most 63", HostnameRule.Check(new string('a', 64) + ".example.com"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*.example.com")]
    [InlineData("shop.*.com")]
    [InlineData("Shop.example.com")]
    [InlineData("SHOP.EXAMPLE.COM")]
    [InlineData("localhost")]
    [InlineData("shop")]
    [InlineData("192.168.1.10")]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("shop..example.com")]
    [InlineData(".shop.example.com")]
    [InlineData("shop.example.com.")]
    [InlineData("-shop.example.com")]
    [InlineData("shop-.example.com")]
    [InlineData("sh_op.example.com")]
    [InlineData("shop.example.com:443")]
    [InlineData("shop.example.com/")]
    [InlineData("shop example.com")]
    [InlineData("shop.example.com\n")]
    [InlineData("\u0430cme.example.com")] // Cyrillic 'а'
    [InlineData("shop.ex\u0430mple.com")]
    [InlineData("sh\u200bop.example.com")] // zero-width space
    [InlineData("\u0455hop.example.com")] // Cyrillic 'ѕ'
    [InlineData("ｓhop.example.com")] // fullwidth
    [InlineData("bücher.example.com")] // IDN must be given as xn--
    public void Check_RefusesWhatIsNotAnRfc1123HostnameTest(string? hostname)
    {
        Assert.NotNull(HostnameRule.Check(hostname));
    }

    [Theory]
    [InlineData("*.example.com", "Wildcard")]
    [InlineData("Shop.example.com", "lower case")]
    [InlineData("192.168.1.10", "IP address")]
    [InlineData("\u0430cme.example.com", "punycode")]
    [InlineData("shop", "fully qualified")]
    public void Check_SaysWhatIsWrongTest(string hostname, string expected)
    {
        Assert.Contains(expected, HostnameRule.Check(hostname), StringComparison.Ordinal);
    }
}
