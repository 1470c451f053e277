using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("ops@example.com")]
    [InlineData("first.last+shop@mail.example.co.uk")]
    [InlineData("o_p-s1@example.com")]
    [InlineData("ops-@example.com")]
    [InlineData("Ops@Example.COM")] // domains are case-insensitive; the local part is the mail server's business
    [InlineData("ops@xn--80ak6aa92e.com")]
    public void Check_AcceptsPlainAddressesTest(string email)
    {
        Assert.Null(EmailRule.Check(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ops")]
    [InlineData("@example.com")]
    [InlineData("ops@")]
    [InlineData("ops@@example.com")]
    [InlineData("ops@shop@example.com")]
    [InlineData(".ops@example.com")]
    [InlineData("ops.@example.com")]
    [InlineData("o..ps@example.com")]
    [InlineData("o ps@example.com")]
    [InlineData("\"ops\"@example.com")]
    [InlineData("ops;id@example.com")]
    [InlineData("ops`id`@example.com")]
    [InlineData("ops$(id)@example.com")]
    [InlineData("ops'@example.com")]
    [InlineData("ops@localhost")]
    [InlineData("ops@192.168.1.1")]
    [InlineData("ops@example.com\n")]
    [InlineData("ops@example.com\nBcc: x@example.com")]
    [InlineData("ops@ex\u0430mple.com")] // Cyrillic 'а'
    [InlineData("\u043eps@example.com")] // Cyrillic 'о'
    [InlineData("ops@example.com\u212a")] // Kelvin sign: lower-cases to an ASCII 'k'
    [InlineData("ops@\u212aey.example.com")]
    [InlineData("ops@exa\u200bmple.com")]
    public void Check_RefusesWhatIsNotAPlainAddressTest(string? email)
    {
        Assert.NotNull(EmailRule.Check(email));
    }

    [Theory]
    [InlineData("ops%shop@example.com")]
    [InlineData("%@example.com")]
    [InlineData("ops%0Aid@example.com")]
    public void Check_RefusesAPercentSign_BecauseCronReadsItAsALineBreakTest(string email)
    {
        var problem = EmailRule.Check(email);

        Assert.NotNull(problem);
        Assert.Contains("'%' is not allowed", problem, StringComparison.Ordinal);
        Assert.Contains("cron", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops@example.com\r")]
    [InlineData("ops\r@example.com")]
    [InlineData("ops@example.com\n* * * * * root id")]
    [InlineData("ops\t@example.com")]
    public void Check_RefusesLineBreaksAndOtherControlCharactersTest(string escaped)
    {
        Assert.Contains("line break or other control character", EmailRule.Check(System.Text.RegularExpressions.Regex.Unescape(escaped)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesALeadingDash_WhichAProgramWouldReadAsAnOptionTest()
    {
        Assert.Contains("may not start with '-'", EmailRule.Check("-oQ/tmp/x@example.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesLocalPartOver64CharactersTest()
    {
        Assert.Null(EmailRule.Check(new string('a', 64) + "@example.com"));
        Assert.NotNull(EmailRule.Check(new string('a', 65) + "@example.com"));
    }

    [Fact]
    public void Check_RefusesAddressOver254CharactersTest()
    {
        var domain = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), "com");
        var email = new string('o', 64) + "@" + domain;

        Assert.True(email.Length > EmailRule.MaxLength);
        Assert.Contains("Too long", EmailRule.Check(email), StringComparison.Ordinal);
    }
}
