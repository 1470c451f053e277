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
    [InlineData(null, "Required")]
    [InlineData("", "Required")]
    [InlineData("*.example.com", "Wildcards are not allowed")]
    [InlineData("shop.*.com", "Wildcards are not allowed")]
    [InlineData("Shop.example.com", "has upper-case letters")]
    [InlineData("SHOP.EXAMPLE.COM", "has upper-case letters")]
    [InlineData("localhost", "is not fully qualified")]
    [InlineData("shop", "is not fully qualified")]
    [InlineData("192.168.1.10", "looks like an IP address")]
    [InlineData("10.0.0.1", "looks like an IP address")]
    [InlineData("::1", "is not fully qualified")]
    [InlineData("[::1]", "is not fully qualified")]
    [InlineData("shop..example.com", "empty label")]
    [InlineData(".shop.example.com", "empty label")]
    [InlineData("shop.example.com.", "empty label")]
    [InlineData("-shop.example.com", "the label '-shop' starts or ends with '-'")]
    [InlineData("shop-.example.com", "the label 'shop-' starts or ends with '-'")]
    [InlineData("sh_op.example.com", "the label 'sh_op' may contain only a-z, 0-9 and '-'")]
    [InlineData("shop.example.com:443", "the label 'com:443' may contain only")]
    [InlineData("shop.example.com/", "the label 'com/' may contain only")]
    [InlineData("shop example.com", "the label 'shop example' may contain only")]
    [InlineData("shop.example.com\n", "has characters outside ASCII")]
    [InlineData("\u0430cme.example.com", "has characters outside ASCII")] // Cyrillic 'а'
    [InlineData("shop.ex\u0430mple.com", "has characters outside ASCII")]
    [InlineData("sh\u200bop.example.com", "has characters outside ASCII")] // zero-width space
    [InlineData("\u0455hop.example.com", "has characters outside ASCII")] // Cyrillic 'ѕ'
    [InlineData("ｓhop.example.com", "has characters outside ASCII")] // fullwidth
    [InlineData("bücher.example.com", "has characters outside ASCII")] // IDN must be given as xn--
    public void Check_RefusesWhatIsNotAnRfc1123Hostname_SayingWhyTest(string? hostname, string reason)
    {
        Assert.Contains(reason, HostnameRule.Check(hostname), StringComparison.Ordinal);
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
