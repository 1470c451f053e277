using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Domain;

public sealed class DerivedNamesTests
{
    private const int MySqlDatabaseNameLimit = 64;

    [Fact]
    public void For_DerivesEveryNameFromTheInstanceNameTest()
    {
        var names = DerivedNames.For("acme-shop");

        Assert.Equal("cd_acme_shop", names.Database);
        Assert.Equal("cd_acme_shop", names.DatabaseUser);
        Assert.Equal("acme-shop", names.WebrootFolder);
        Assert.Equal("centraldispatch:acme-shop", names.CronTag);
        Assert.Equal("cd-acme-shop", names.LinuxUser);
    }

    [Fact]
    public void For_KeepsTheFullLinuxUserUpToUseraddsLimitTest()
    {
        var name = "a" + new string('b', 28); // 29 characters: "cd-" + 29 = 32

        Assert.Equal("cd-" + name, DerivedNames.For(name).LinuxUser);
    }

    [Fact]
    public void For_GivesDistinctLinuxUsersAcrossEveryLengthWithinUseraddsLimitTest()
    {
        var names = new List<string>();
        for (var length = 2; length <= InstanceNameRule.MaxLength; length++)
        {
            for (var variant = 0; variant < 40; variant++)
            {
                var tail = variant.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                names.Add(length < 3 ? "a" + tail[1] : ("a" + new string('b', length - 3) + tail)[..length]);
            }
        }

        var distinctNames = names.Distinct(StringComparer.Ordinal).ToList();
        var users = distinctNames.Select(n => DerivedNames.For(n).LinuxUser).ToList();

        Assert.All(users, u => Assert.InRange(u.Length, 4, DerivedNames.MaxLinuxUserLength));
        Assert.All(users, u => Assert.Matches("^cd-[a-z0-9-]+$", u));
        Assert.Equal(users.Count, users.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz-long")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void For_ShortenedLinuxUserIsNeverTheFullUserOfAnotherValidNameTest(string longName)
    {
        var user = DerivedNames.For(longName).LinuxUser;
        var lookAlike = user[DerivedNames.LinuxUserPrefix.Length..];

        Assert.Contains("--", user, StringComparison.Ordinal);
        Assert.NotNull(InstanceNameRule.Check(lookAlike)); // contains "--": no instance has that name
    }

    [Fact]
    public void For_KeepsTheFullUserNameUpToTheMySqlLimitTest()
    {
        var name = "a" + new string('b', 28); // 29 characters: "cd_" + 29 = 32

        Assert.Equal("cd_" + name, DerivedNames.For(name).DatabaseUser);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(InstanceNameRule.MaxLength)]
    public void For_ShortensLongUserNamesToTheMySqlLimitTest(int length)
    {
        var name = "a" + new string('b', length - 1);

        var names = DerivedNames.For(name);

        Assert.Equal(DerivedNames.MaxDatabaseUserLength, names.DatabaseUser.Length);
        Assert.StartsWith(DerivedNames.Prefix, names.DatabaseUser, StringComparison.Ordinal);
        Assert.Equal("cd_" + name, names.Database); // databases allow 64 characters: never shortened
        Assert.True(names.Database.Length <= MySqlDatabaseNameLimit);
    }

    [Fact]
    public void For_IsStableAcrossCallsTest()
    {
        const string name = "a-rather-long-instance-name-1234";

        Assert.Equal(DerivedNames.For(name), DerivedNames.For(name));
    }

    [Fact]
    public void For_GivesDistinctUsersToLongNamesThatShareAPrefixTest()
    {
        var users = Enumerable.Range(0, 500)
            .Select(i => $"shared-prefix-of-many-names-{i:D4}")
            .Select(name => DerivedNames.For(name).DatabaseUser)
            .ToList();

        Assert.Equal(users.Count, users.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz-long")]
    [InlineData("shop-with-a-very-long-name-2024")]
    [InlineData("a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void For_ShortenedUserIsNeverTheFullUserOfAnotherValidNameTest(string longName)
    {
        var user = DerivedNames.For(longName).DatabaseUser;
        // The instance name whose unshortened user would read the same, if there is a valid one.
        var lookAlike = user[DerivedNames.Prefix.Length..].Replace('_', '-');

        if (InstanceNameRule.Check(lookAlike) is null)
        {
            Assert.NotEqual(user, DerivedNames.For(lookAlike).DatabaseUser);
        }

        Assert.NotEqual(longName, lookAlike);
    }

    [Fact]
    public void For_GivesDistinctUsersAcrossEveryLengthTest()
    {
        var names = new List<string>();
        for (var length = 2; length <= InstanceNameRule.MaxLength; length++)
        {
            for (var variant = 0; variant < 40; variant++)
            {
                var tail = variant.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                names.Add(length < 3 ? "a" + tail[1] : ("a" + new string('b', length - 3) + tail)[..length]);
            }
        }

        var distinctNames = names.Distinct(StringComparer.Ordinal).ToList();
        var users = distinctNames.Select(n => DerivedNames.For(n).DatabaseUser).ToList();

        Assert.All(distinctNames, n => Assert.Null(InstanceNameRule.Check(n)));
        Assert.Equal(users.Count, users.Distinct(StringComparer.Ordinal).Count());
    }
}
