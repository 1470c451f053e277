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

    private const string Required = "Required: a release name, or 'default'.";
    private const string NotAName = " is not a release name: use lower-case letters, digits, '.', '_' and '-'";

    // expected: the start of the message, so that an input refused for another reason fails.
    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Required)]
    [InlineData(" ", "' '" + NotAName)]
    [InlineData(".", "'.'" + NotAName)]
    [InlineData("..", "'..'" + NotAName)]
    [InlineData("v1..2", "'v1..2'" + NotAName)]
    [InlineData(".hidden", "'.hidden'" + NotAName)]
    [InlineData("-v1", "'-v1'" + NotAName)]
    [InlineData("_v1", "'_v1'" + NotAName)]
    [InlineData("V1", "'V1'" + NotAName)]
    [InlineData("v1/../../etc", "'v1/../../etc'" + NotAName)]
    [InlineData("../v1", "'../v1'" + NotAName)]
    [InlineData("v1/beta", "'v1/beta'" + NotAName)]
    [InlineData("v1\\beta", "'v1\\beta'" + NotAName)]
    [InlineData("v1 beta", "'v1 beta'" + NotAName)]
    [InlineData("v1;id", "'v1;id'" + NotAName)]
    [InlineData("v1$(id)", "'v1$(id)'" + NotAName)]
    [InlineData("v1\n", "'v1?'" + NotAName)] // control characters are shown as '?'
    [InlineData("v1\0", "'v1?'" + NotAName)]
    [InlineData("v1--", "'v1--'" + NotAName)]
    [InlineData("v1--beta", "'v1--beta'" + NotAName)]
    [InlineData("v1.", "'v1.'" + NotAName)]
    [InlineData("v\u04301", "'v\u04301'" + NotAName)] // Cyrillic 'а'
    public void Check_RefusesWhatIsNotAPlainFolderNameTest(string? release, string expected)
    {
        Assert.StartsWith(expected, ReleaseNameRule.Check(release), StringComparison.Ordinal);
    }
}
