using CentralDispatch.Worker.Machine.MariaDb;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

public sealed class SqlIdentifierTests
{
    /// <summary>A server nobody listens on: if any SQL were sent, the test would see a connection error instead.</summary>
    private static readonly MariaDbAdmin Unreachable = new(new MariaDbServer("/nonexistent/mysqld.sock", null, 0, "root"), Support.RealHost.Runner);

    public static TheoryData<string> HostileNames =>
    [
        "cd_x`; DROP DATABASE mysql; --",
        "cd_x'",
        "cd_x\"",
        "cd_x;",
        "cd x",
        "CD_X",
        "cd_x\n",
        "",
        new string('a', 65),
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task HostileNames_AreRefused_BeforeAnySqlRuns(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.CreateDatabaseAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.DropDatabaseIfExistsAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.DatabaseExistsAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.CreateUserAsync(name, "password", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.DropUserIfExistsAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.UserExistsAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.GrantAllOnDatabaseAsync(name, "cd_ok", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.GrantAllOnDatabaseAsync("cd_ok", name, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Unreachable.DumpDatabaseAsync(name, "/tmp/never.sql", CancellationToken.None));
    }

    [Fact]
    public void UserNames_AreLimitedTo32Characters_DatabaseNamesTo64()
    {
        Assert.Equal($"`{new string('a', 32)}`", SqlIdentifier.User(new string('a', 32)));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.User(new string('a', 33)));
        Assert.Equal($"`{new string('a', 64)}`", SqlIdentifier.Database(new string('a', 64)));
    }

    [Fact]
    public void DatabaseInGrant_EscapesTheUnderscoreWildcard()
    {
        Assert.Equal("`cd\\_shop\\_eu`", SqlIdentifier.DatabaseInGrant("cd_shop_eu"));
    }
}
