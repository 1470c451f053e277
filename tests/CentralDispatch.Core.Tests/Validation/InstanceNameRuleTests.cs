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

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
    [InlineData("1shop")]
    [InlineData("-shop")]
    [InlineData("shop-")]
    [InlineData("Shop")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("a--b")]
    [InlineData("shop\n")]
    [InlineData("shop\r\n")]
    [InlineData("\nshop")]
    public void Check_RefusesWhatIsNotASlugTest(string? name)
    {
        Assert.NotNull(InstanceNameRule.Check(name));
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
        Assert.DoesNotContain('\u0007', message);
    }
}
