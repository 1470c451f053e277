using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Tests.Machine.Http;

public sealed class HttpStatusSetTests
{
    [Theory]
    [InlineData("2xx,3xx", "2xx, 3xx")]
    [InlineData("200-299, 301,302", "2xx, 301, 302")]
    [InlineData(" 200 ", "200")]
    [InlineData("200-204", "200-204")]
    [InlineData("4XX", "4xx")]
    public void Parse_ReadsCodesRangesAndClasses_AndWritesThemAsTheOperatorReadsThem(string text, string written)
    {
        var set = HttpStatusSet.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(written, set!.ToString());
    }

    [Theory]
    [InlineData("2xx,301", 200, true)]
    [InlineData("2xx,301", 299, true)]
    [InlineData("2xx,301", 301, true)]
    [InlineData("2xx,301", 302, false)]
    [InlineData("2xx,301", 199, false)]
    [InlineData("200", 204, false)]
    [InlineData("500-503", 503, true)]
    public void Contains_IsExactlyTheListedStatuses(string text, int status, bool accepted) =>
        Assert.Equal(accepted, HttpStatusSet.Parse(text, out _)!.Contains(status));

    [Theory]
    [InlineData("", "must list at least one status")]
    [InlineData(null, "must list at least one status")]
    [InlineData("200,", "'' is not a status")]
    [InlineData("99", "'99' is not a status")]
    [InlineData("600", "'600' is not a status")]
    [InlineData("6xx", "'6xx' is not a status")]
    [InlineData("2x", "'2x' is not a status")]
    [InlineData("299-200", "'299-200' is not a status")]
    [InlineData("200-", "'200-' is not a status")]
    [InlineData("ok", "'ok' is not a status")]
    [InlineData("200 301", "'200 301' is not a status")]
    [InlineData("+200", "'+200' is not a status")]
    public void Parse_RefusesWhatIsNotAStatusList_SayingWhichItem(string? text, string expected)
    {
        var set = HttpStatusSet.Parse(text, out var problem);

        Assert.Null(set);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaults_AreSuccessesAndRedirects_And200Alone()
    {
        Assert.Equal("2xx, 3xx", HttpStatusSet.SuccessOrRedirect.ToString());
        Assert.Equal("200", HttpStatusSet.Ok.ToString());
    }
}
