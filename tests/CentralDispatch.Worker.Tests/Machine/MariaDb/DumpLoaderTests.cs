using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Tests.Support;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

/// <summary>Loading a dump as the instance's own user in sandbox mode, on the real private MariaDB and the real mariadb client.</summary>
[Collection(SandboxMariaDbCollection.Name)]
public sealed class DumpLoaderTests(SandboxMariaDbFixture fixture)
{
    private DumpLoader Loader => new(fixture.MariaDb.Server, RealHost.Runner);

    [Fact]
    public async Task Load_OfARealDump_UnderAnotherName_RestoresEveryObject_OwnedByTheLoadingUser()
    {
        await using var source = await InstanceDatabase.CreateAsync(fixture.Admin, "dlsrc");
        await using var target = await InstanceDatabase.CreateAsync(fixture.Admin, "dldst");
        var dump = await SampleDumpAsync(source);

        var rewrites = await Loader.LoadAsync(target.Database, target.User, target.Password, dump, CancellationToken.None);

        await using var restored = await target.OpenAsUserAsync();
        (await SampleSchema.UseAsync(restored)).AssertRestoredFor(target.User);
        Assert.Equal(SampleSchema.Objects.Length, rewrites.Count);
        Assert.Contains($"`{source.User}`@`localhost`", rewrites.Originals);
        Assert.Contains($"`{fixture.MariaDb.Server.AdminUser}`@`localhost`", rewrites.Originals);
    }

    [Fact]
    public async Task Load_OfARealDump_UnderItsOwnName_RestoresEveryObject()
    {
        await using var instance = await InstanceDatabase.CreateAsync(fixture.Admin, "dlsame");
        var dump = await SampleDumpAsync(instance);
        await fixture.Admin.DropDatabaseIfExistsAsync(instance.Database, CancellationToken.None);
        await fixture.Admin.CreateDatabaseAsync(instance.Database, CancellationToken.None);

        await Loader.LoadAsync(instance.Database, instance.User, instance.Password, dump, CancellationToken.None);

        await using var restored = await instance.OpenAsUserAsync();
        (await SampleSchema.UseAsync(restored)).AssertRestoredFor(instance.User);
    }

    /// <summary>Client commands that reach the host: a shell, a file read as SQL, a file written. The load stops at the line, having run nothing.</summary>
    [Theory]
    [InlineData("\\! touch {0}")]
    [InlineData("system touch {0}")]
    [InlineData("tee {0}")]
    [InlineData("\\T {0}")]
    [InlineData("\\. {1}")]
    [InlineData("source {1}")]
    public async Task Load_OfADumpWithAClientCommand_RunsNothing_AndFailsNamingTheLine(string command)
    {
        await using var instance = await InstanceDatabase.CreateAsync(fixture.Admin, "dlcmd");
        var canary = Path.Combine(fixture.Folder, "canary-" + TestNames.Unique("c"));
        var sourced = Path.Combine(fixture.Folder, TestNames.Unique("sourced") + ".sql");
        await File.WriteAllTextAsync(sourced, "CREATE TABLE sourced (a INT);\n");
        var dump = await WriteDumpAsync("CREATE TABLE before_it (a INT);", string.Format(System.Globalization.CultureInfo.InvariantCulture, command, canary, sourced),
            "CREATE TABLE after_it (a INT);");

        var refused = await Assert.ThrowsAsync<DumpLoadException>(() => Loader.LoadAsync(instance.Database, instance.User, instance.Password, dump, CancellationToken.None));

        Assert.Contains("ERROR at line 2: Not allowed in the sandbox mode", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"as its own user {instance.User}", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(canary), $"{command} ran: {canary} exists");
        Assert.Equal(["before_it"], await TablesAsync(instance));
    }

    [Fact]
    public async Task Load_OfADumpThatReadsAFileOfTheHost_IsRefused()
    {
        await using var instance = await InstanceDatabase.CreateAsync(fixture.Admin, "dlinf");
        var secret = Path.Combine(fixture.Folder, TestNames.Unique("secret"));
        await File.WriteAllTextAsync(secret, "root-only secret\n");
        var dump = await WriteDumpAsync("CREATE TABLE loot (line TEXT);", $"LOAD DATA LOCAL INFILE '{secret}' INTO TABLE loot;");

        var refused = await Assert.ThrowsAsync<DumpLoadException>(() => Loader.LoadAsync(instance.Database, instance.User, instance.Password, dump, CancellationToken.None));

        Assert.Contains("local infile", refused.Message, StringComparison.OrdinalIgnoreCase);
        await using var connection = await instance.OpenAsAdminAsync();
        await using var count = new MySqlCommand("SELECT COUNT(*) FROM loot", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    /// <summary>The login is the instance's user: SQL aimed at the server or at other databases is the server's to refuse.</summary>
    [Theory]
    [InlineData("CREATE DATABASE {0};")]
    [InlineData("CREATE USER {0}@localhost IDENTIFIED BY 'x';")]
    [InlineData("SET GLOBAL max_connections = 1;")]
    [InlineData("SET @@SESSION.SQL_LOG_BIN = 0;")]
    [InlineData("CREATE DEFINER=`root`@`localhost` TRIGGER t BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;")]
    public async Task Load_OfADumpReachingBeyondItsDatabase_IsRefusedByTheServer(string statement)
    {
        await using var instance = await InstanceDatabase.CreateAsync(fixture.Admin, "dlpriv");
        var other = "cd_" + TestNames.Unique("o").Replace('-', '_');
        var dump = await WriteDumpAsync("CREATE TABLE t (a INT);", string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, other));

        var refused = await Assert.ThrowsAsync<DumpLoadException>(() => Loader.LoadAsync(instance.Database, instance.User, instance.Password, dump, CancellationToken.None));

        Assert.Contains("Access denied", refused.Message, StringComparison.Ordinal);
        Assert.False(await fixture.Admin.DatabaseExistsAsync(other, CancellationToken.None));
        Assert.False(await fixture.Admin.UserExistsAsync(other, CancellationToken.None));
    }

    private async Task<string> WriteDumpAsync(params string[] lines)
    {
        var dump = Path.Combine(fixture.Folder, TestNames.Unique("dump") + ".sql");
        await File.WriteAllLinesAsync(dump, lines);
        return dump;
    }

    /// <summary>Fills the database with <see cref="SampleSchema"/> and dumps it with mariadb-dump as Decommission does.</summary>
    private async Task<string> SampleDumpAsync(InstanceDatabase instance)
    {
        await using (var asUser = await instance.OpenAsUserAsync())
        await using (var asAdmin = await instance.OpenAsAdminAsync())
        {
            await SampleSchema.CreateAsync(asUser, asAdmin);
        }

        var dump = Path.Combine(fixture.Folder, instance.Database + ".sql");
        await fixture.Admin.DumpDatabaseAsync(instance.Database, dump, CancellationToken.None);
        return dump;
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(InstanceDatabase instance)
    {
        await using var connection = await instance.OpenAsAdminAsync();
        return await SampleSchema.ColumnAsync(connection, "SHOW TABLES");
    }
}
