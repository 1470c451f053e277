using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class ReleaseNameRuleTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("v1.2.3")]
    [InlineData("2024-05-01")]
    [InlineData("release_candidate.1")]
    public void Check_AcceptsFolderNamesTest(string release)
    {
        Assert.Null(ReleaseNameRule.Check(release));
    }

    [Fact]
    public void Check_AcceptsSixtyFourCharactersAndRefusesSixtyFiveTest()
    {
        Assert.Null(ReleaseNameRule.Check(new string('a', 64)));
        Assert.Contains("Too long", ReleaseNameRule.Check(new string('a', 65)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("v1..2")]
    [InlineData(".hidden")]
    [InlineData("-v1")]
    [InlineData("_v1")]
    [InlineData("V1")]
    [InlineData("v1/../../etc")]
    [InlineData("../v1")]
    [InlineData("v1/beta")]
    [InlineData("v1\\beta")]
    [InlineData("v1 beta")]
    [InlineData("v1;id")]
    [InlineData("v1$(id)")]
    [InlineData("v1\n")]
    [InlineData("v1\0")]
    [InlineData("v1--")]
    [InlineData("v1--beta")]
    [InlineData("v1.")]
    [InlineData("v\u04301")] // Cyrillic 'а'
    public void Check_RefusesWhatIsNotAPlainFolderNameTest(string? release)
    {
        Assert.NotNull(ReleaseNameRule.Check(release));
    }
}
