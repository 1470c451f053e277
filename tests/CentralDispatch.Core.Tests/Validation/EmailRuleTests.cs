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

    private const string Required = "Required: an e-mail address such as ops@example.com.";
    private const string NoSingleAt = " is not an e-mail address: expected one '@' between a name and a domain.";
    private const string BadLocalPart = ": the part before '@' may contain letters, digits and . _ + - (no leading, trailing or double dot).";
    private const string NotAscii = " has characters outside ASCII; write an internationalised domain in its xn-- (punycode) form.";
    private const string ControlCharacter = " holds a line break or other control character";
    private const string BadDomain = ": the domain is not valid. ";

    // expected: the start of the message, so that an input refused for another reason fails.
    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Required)]
    [InlineData("ops", "'ops'" + NoSingleAt)]
    [InlineData("@example.com", "'@example.com'" + NoSingleAt)]
    [InlineData("ops@", "'ops@'" + NoSingleAt)]
    [InlineData("ops@@example.com", "'ops@@example.com'" + NoSingleAt)]
    [InlineData("ops@shop@example.com", "'ops@shop@example.com'" + NoSingleAt)]
    [InlineData(".ops@example.com", "'.ops@example.com'" + BadLocalPart)]
    [InlineData("ops.@example.com", "'ops.@example.com'" + BadLocalPart)]
    [InlineData("o..ps@example.com", "'o..ps@example.com'" + BadLocalPart)]
    [InlineData("o ps@example.com", "'o ps@example.com'" + BadLocalPart)]
    [InlineData("\"ops\"@example.com", "'\"ops\"@example.com'" + BadLocalPart)]
    [InlineData("ops;id@example.com", "'ops;id@example.com'" + BadLocalPart)]
    [InlineData("ops`id`@example.com", "'ops`id`@example.com'" + BadLocalPart)]
    [InlineData("ops$(id)@example.com", "'ops$(id)@example.com'" + BadLocalPart)]
    [InlineData("ops'@example.com", "'ops'@example.com'" + BadLocalPart)]
    [InlineData("ops@localhost", "'ops@localhost'" + BadDomain + "'localhost' is not fully qualified")]
    [InlineData("ops@192.168.1.1", "'ops@192.168.1.1'" + BadDomain + "'192.168.1.1' looks like an IP address")]
    [InlineData("ops@example.com\n", "'ops@example.com?'" + ControlCharacter)] // control characters are shown as '?'
    [InlineData("ops@example.com\nBcc: x@example.com", "'ops@example.com?Bcc: x@example.com'" + ControlCharacter)]
    [InlineData("ops@ex\u0430mple.com", "'ops@ex\u0430mple.com'" + NotAscii)] // Cyrillic 'а'
    [InlineData("\u043eps@example.com", "'\u043eps@example.com'" + NotAscii)] // Cyrillic 'о'
    [InlineData("ops@example.com\u212a", "'ops@example.com\u212a'" + NotAscii)] // Kelvin sign: lower-cases to an ASCII 'k'
    [InlineData("ops@\u212aey.example.com", "'ops@\u212aey.example.com'" + NotAscii)]
    [InlineData("ops@exa\u200bmple.com", "'ops@exa\u200bmple.com'" + NotAscii)]
    public void Check_RefusesWhatIsNotAPlainAddressTest(string? email, string expected)
    {
        Assert.StartsWith(expected, EmailRule.Check(email), StringComparison.Ordinal);
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
        Assert.Equal("The part before '@' has more than 64 characters.", EmailRule.Check(new string('a', 65) + "@example.com"));
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
