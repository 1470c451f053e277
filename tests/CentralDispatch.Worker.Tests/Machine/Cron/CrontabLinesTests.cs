using CentralDispatch.Worker.Machine.Cron;

namespace CentralDispatch.Worker.Tests.Machine.Cron;

public sealed class CrontabLinesTests
{
    [Fact]
    public void Tagged_AppendsTheTagAsATrailingComment()
    {
        Assert.Equal("*/15 * * * * php cron.php # centraldispatch:shop", CrontabLines.Tagged("centraldispatch:shop", " */15 * * * * php cron.php "));
    }

    [Fact]
    public void HasTag_MatchesOnlyTheExactTag_ActiveOrSuspended()
    {
        var line = CrontabLines.Tagged("centraldispatch:shop", "* * * * * true");

        Assert.True(CrontabLines.HasTag(line, "centraldispatch:shop"));
        Assert.True(CrontabLines.HasTag(CrontabLines.Suspend(line), "centraldispatch:shop"));
        Assert.False(CrontabLines.HasTag(line, "centraldispatch:sho"));
        Assert.False(CrontabLines.HasTag(line, "dispatch:shop"));
        Assert.False(CrontabLines.HasTag(CrontabLines.Tagged("centraldispatch:shop2", "* * * * * true"), "centraldispatch:shop"));
    }

    [Fact]
    public void SuspendAndResume_RoundTrip_AndSuspendIsIdempotent()
    {
        var line = CrontabLines.Tagged("centraldispatch:shop", "* * * * * true");
        var suspended = CrontabLines.Suspend(line);

        Assert.StartsWith("#", suspended, StringComparison.Ordinal);
        Assert.Equal(suspended, CrontabLines.Suspend(suspended));
        Assert.Equal(line, CrontabLines.Resume(suspended));
    }

    [Theory]
    [InlineData("* * * * * true\n* * * * * rm -rf /")]
    [InlineData("# a comment")]
    [InlineData("  ")]
    [InlineData("* * * * * true\r* * * * * id")]
    [InlineData("* * * * * mail -s x ops%id@example.com")]
    public void Tagged_RefusesLinesThatAreNotOneCommand(string line)
    {
        Assert.Throws<ArgumentException>(() => CrontabLines.Tagged("centraldispatch:shop", line));
    }

    [Theory]
    [InlineData("centraldispatch:shop\n")]
    [InlineData("centraldispatch shop")]
    [InlineData("")]
    public void CheckTag_RefusesTagsWithSpacesOrNewlines(string tag)
    {
        Assert.Throws<ArgumentException>(() => CrontabLines.CheckTag(tag));
    }

    [Fact]
    public void Tagged_RefusesAPercentSign_SayingWhy()
    {
        var refused = Assert.Throws<ArgumentException>(() => CrontabLines.Tagged("centraldispatch:shop", "*/15 * * * * php cron.php 100%"));

        Assert.Contains("'%', which cron reads as a line break", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/www/shop")]
    [InlineData("ops+shop@example.com")]
    [InlineData("https://shop.example.com:8443/")]
    [InlineData("www.shop.example.com shop.example.org")]
    [InlineData("a,b=c_d-e")]
    [InlineData("")]
    public void ValueProblem_IsNull_ForWhatTheShellTakesLiterally(string value)
    {
        Assert.Null(CrontabLines.ValueProblem(value));
    }

    [Theory]
    [InlineData("ops%shop@example.com", "'%'")]
    [InlineData("shop\\n* * * * * root id", "newline")]
    [InlineData("shop\\r", "newline")]
    [InlineData("x; id", "';'")]
    [InlineData("$(id)", "'$'")]
    [InlineData("`id`", "'`'")]
    [InlineData("a|b", "'|'")]
    [InlineData("a&b", "'&'")]
    [InlineData("a>b", "'>'")]
    [InlineData("it's", "'''")]
    [InlineData("a#b", "'#'")]
    [InlineData("a\\\\b", "'\\'")]
    [InlineData("*", "'*'")]
    [InlineData("~root", "'~'")]
    public void ValueProblem_NamesWhatCronOrTheShellWouldMisread(string escaped, string named)
    {
        var problem = CrontabLines.ValueProblem(System.Text.RegularExpressions.Regex.Unescape(escaped));

        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }
}
