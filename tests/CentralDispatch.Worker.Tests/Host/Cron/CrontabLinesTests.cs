using CentralDispatch.Worker.Host.Cron;

namespace CentralDispatch.Worker.Tests.Host.Cron;

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
}
