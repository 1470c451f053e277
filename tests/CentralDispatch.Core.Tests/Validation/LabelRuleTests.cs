using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class LabelRuleTests
{
    [Fact]
    public void Check_AcceptsNoLabelsTest()
    {
        Assert.Null(LabelRule.Check(null));
        Assert.Null(LabelRule.Check([]));
    }

    [Fact]
    public void Check_AcceptsWordsAndKeyValuePairsTest()
    {
        Assert.Null(LabelRule.Check(["eu", "region=eu-west", "tier.gold", "ssd_2", "a", new string('a', 63)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("EU")]
    [InlineData("-eu")]
    [InlineData("eu-")]
    [InlineData("=eu")]
    [InlineData("region=")]
    [InlineData("region eu")]
    [InlineData("region;id")]
    [InlineData("region=eu\n")]
    [InlineData("eu\0")]
    [InlineData("\u0435u")] // Cyrillic 'е'
    [InlineData("../eu")]
    [InlineData("eu/x")]
    public void Check_RefusesMalformedLabelTest(string label)
    {
        Assert.NotNull(LabelRule.Check([label]));
    }

    [Fact]
    public void Check_RefusesNullLabelTest()
    {
        Assert.NotNull(LabelRule.Check([null]));
    }

    [Fact]
    public void Check_RefusesLabelOf64CharactersTest()
    {
        Assert.NotNull(LabelRule.Check([new string('a', 64)]));
    }

    [Fact]
    public void Check_RefusesMoreThanTwentyLabelsTest()
    {
        var labels = Enumerable.Range(0, LabelRule.MaxCount + 1).Select(i => (string?)$"l{i}").ToList();

        Assert.Null(LabelRule.Check(labels[..LabelRule.MaxCount]));
        Assert.Contains("Too many", LabelRule.Check(labels), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesRepeatedLabelTest()
    {
        Assert.Contains("repeated", LabelRule.Check(["eu", "ssd", "eu"]), StringComparison.Ordinal);
    }
}
