using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class InstanceNameRuleTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("shop")]
    [InlineData("acme-shop")]
    [InlineData("a1")]
    [InlineData("shop-2024-eu")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")] // 32 characters
    public void Check_AcceptsSlugsOfTwoToThirtyTwoCharactersTest(string name)
    {
        Assert.Null(InstanceNameRule.Check(name));
    }

    private const string Required = "Required: a name of 2 to 32 characters (a-z, 0-9, '-').";
    private const string NotASlug = " is not a valid name: use 2 to 32 lower-case letters, digits and '-'";

    // expected: the start of the message, so that an input refused for another reason fails.
    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Required)]
    [InlineData("a", "'a'" + NotASlug)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "Too long: 33 characters; at most 32.")] // 33 characters
    [InlineData("1shop", "'1shop'" + NotASlug)]
    [InlineData("-shop", "'-shop'" + NotASlug)]
    [InlineData("shop-", "'shop-'" + NotASlug)]
    [InlineData("Shop", "'Shop'" + NotASlug)]
    [InlineData("a_b", "'a_b'" + NotASlug)]
    [InlineData("a.b", "'a.b'" + NotASlug)]
    [InlineData("a--b", "'a--b' contains '--'; use single hyphens.")]
    [InlineData("shop\n", "'shop?'" + NotASlug)] // control characters are shown as '?'
    [InlineData("shop\r\n", "'shop??'" + NotASlug)]
    [InlineData("\nshop", "'?shop'" + NotASlug)]
    public void Check_RefusesWhatIsNotASlugTest(string? name, string expected)
    {
        Assert.StartsWith(expected, InstanceNameRule.Check(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesEveryReservedNameTest()
    {
        Assert.NotEmpty(InstanceNameRule.Reserved);
        Assert.All(InstanceNameRule.Reserved, name =>
            Assert.Contains("reserved", InstanceNameRule.Check(name), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("archive")]
    [InlineData("certs")]
    [InlineData("journal")]
    [InlineData("releases")]
    public void Check_RefusesNamesOfTheHostsOwnFoldersTest(string name)
    {
        Assert.Contains("reserved", InstanceNameRule.Check(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsReservedNameWhenReservationIsNotCheckedTest()
    {
        Assert.Null(InstanceNameRule.Check("www", checkReserved: false));
    }

    [Fact]
    public void Check_MessageShowsControlCharactersAsQuestionMarksTest()
    {
        var message = InstanceNameRule.Check("bad\u0007name");

        Assert.NotNull(message);
        Assert.StartsWith("'bad?name'" + NotASlug, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', message);
    }
}
