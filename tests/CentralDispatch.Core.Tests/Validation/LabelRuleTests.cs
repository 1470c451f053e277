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
    [InlineData("", "''")]
    [InlineData(" ", "' '")]
    [InlineData("EU", "'EU'")]
    [InlineData("-eu", "'-eu'")]
    [InlineData("eu-", "'eu-'")]
    [InlineData("=eu", "'=eu'")]
    [InlineData("region=", "'region='")]
    [InlineData("region eu", "'region eu'")]
    [InlineData("region;id", "'region;id'")]
    [InlineData("region=eu\n", "'region=eu?'")] // control characters are shown as '?'
    [InlineData("eu\0", "'eu?'")]
    [InlineData("\u0435u", "'\u0435u'")] // Cyrillic 'е'
    [InlineData("../eu", "'../eu'")]
    [InlineData("eu/x", "'eu/x'")]
    public void Check_RefusesMalformedLabel_NamingItTest(string label, string shown)
    {
        Assert.StartsWith($"{shown} is not a label: use up to 63 lower-case letters", LabelRule.Check([label]), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesNullLabelTest()
    {
        Assert.StartsWith("'' is not a label", LabelRule.Check([null]), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesLabelOf64CharactersTest()
    {
        Assert.Null(LabelRule.Check([new string('a', 63)]));
        Assert.Contains("is not a label: use up to 63", LabelRule.Check([new string('a', 64)]), StringComparison.Ordinal);
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
