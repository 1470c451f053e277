using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.MariaDb;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

[Collection(SandboxMariaDbCollection.Name)]
public sealed class MariaDbAdminTests(SandboxMariaDbFixture fixture)
{
    private const string Password = "s3cret-'quote\"-`tick`;--";

    [Fact]
    public async Task CreatedUser_LogsInWithItsPassword_AndReachesOnlyItsOwnDatabase()
    {
        var own = DerivedNames.For(TestNames.Unique("own"));
        var other = DerivedNames.For(TestNames.Unique("other"));
        var admin = fixture.Admin;
        try
        {
            await admin.CreateUserAsync(own.DatabaseUser, Password, CancellationToken.None);
            await admin.CreateDatabaseAsync(own.Database, CancellationToken.None);
            await admin.GrantAllOnDatabaseAsync(own.Database, own.DatabaseUser, CancellationToken.None);
            await admin.CreateDatabaseAsync(other.Database, CancellationToken.None);

            Assert.True(await admin.UserExistsAsync(own.DatabaseUser, CancellationToken.None));
            Assert.True(await admin.DatabaseExistsAsync(own.Database, CancellationToken.None));

            await using var connection = new MySqlConnection(admin.Server.ConnectionString(own.DatabaseUser, Password, own.Database));
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)");
            await Execute(connection, "INSERT INTO notes VALUES (1, 'hello')");

            var denied = await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, $"CREATE TABLE `{other.Database}`.intruder (id INT)"));
            Assert.Equal(MySqlErrorCode.TableAccessDenied, denied.ErrorCode);
            var deniedUse = await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, $"USE `{other.Database}`"));
            Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, deniedUse.ErrorCode);
        }
        finally
        {
            await admin.DropDatabaseIfExistsAsync(own.Database, CancellationToken.None);
            await admin.DropDatabaseIfExistsAsync(other.Database, CancellationToken.None);
            await admin.DropUserIfExistsAsync(own.DatabaseUser, CancellationToken.None);
        }

        Assert.False(await admin.UserExistsAsync(own.DatabaseUser, CancellationToken.None));
        Assert.False(await admin.DatabaseExistsAsync(own.Database, CancellationToken.None));
        await using var gone = new MySqlConnection(admin.Server.ConnectionString(own.DatabaseUser, Password, null) + ";Pooling=false");
        await Assert.ThrowsAsync<MySqlException>(() => gone.OpenAsync());
    }

    [Fact]
    public async Task Grant_DoesNotTreatUnderscoreAsWildcard()
    {
        // The grant on cd_a_b must not cover cd_a1b, which '_' as a GRANT wildcard would match.
        var suffix = TestNames.Unique("u")[2..].Replace("-", string.Empty, StringComparison.Ordinal);
        var own = $"cd_{suffix}_x";
        var lookalike = $"cd_{suffix}1x";
        var admin = fixture.Admin;
        try
        {
            await admin.CreateUserAsync(own, Password, CancellationToken.None);
            await admin.CreateDatabaseAsync(own, CancellationToken.None);
            await admin.CreateDatabaseAsync(lookalike, CancellationToken.None);
            await admin.GrantAllOnDatabaseAsync(own, own, CancellationToken.None);

            await using var connection = new MySqlConnection(admin.Server.ConnectionString(own, Password, own));
            await connection.OpenAsync();
            var denied = await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, $"USE `{lookalike}`"));
            Assert.Equal(MySqlErrorCode.DatabaseAccessDenied, denied.ErrorCode);
        }
        finally
        {
            await admin.DropDatabaseIfExistsAsync(own, CancellationToken.None);
            await admin.DropDatabaseIfExistsAsync(lookalike, CancellationToken.None);
            await admin.DropUserIfExistsAsync(own, CancellationToken.None);
        }
    }

    [Fact]
    public async Task CreateUser_Fails_WhenTheUserAlreadyExists()
    {
        var names = DerivedNames.For(TestNames.Unique("dup"));
        var admin = fixture.Admin;
        try
        {
            await admin.CreateUserAsync(names.DatabaseUser, Password, CancellationToken.None);
            await Assert.ThrowsAsync<MySqlException>(() => admin.CreateUserAsync(names.DatabaseUser, "another", CancellationToken.None));
        }
        finally
        {
            await admin.DropUserIfExistsAsync(names.DatabaseUser, CancellationToken.None);
        }
    }

    [Fact]
    public async Task DumpAndLoad_CopyADatabaseThroughTheClientPrograms()
    {
        var source = DerivedNames.For(TestNames.Unique("dump")).Database;
        var dump = Path.Combine(fixture.Folder, source + ".sql");
        var admin = fixture.Admin;
        await using var target = await InstanceDatabase.CreateAsync(admin, "load");
        try
        {
            await admin.CreateDatabaseAsync(source, CancellationToken.None);
            await using (var connection = new MySqlConnection(admin.Server.AdminConnectionString() + $";Database={source}"))
            {
                await connection.OpenAsync();
                await Execute(connection, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))");
                await Execute(connection, "INSERT INTO items VALUES (1, 'one'), (2, 'two; ''quoted''')");
            }

            await admin.DumpDatabaseAsync(source, dump, CancellationToken.None);
            await new DumpLoader(admin.Server, Support.RealHost.Runner).LoadAsync(target.Database, target.User, target.Password, dump, CancellationToken.None);

            await using var check = await target.OpenAsUserAsync();
            await using var command = new MySqlCommand("SELECT name FROM items WHERE id = 2", check);
            Assert.Equal("two; 'quoted'", await command.ExecuteScalarAsync());
        }
        finally
        {
            await admin.DropDatabaseIfExistsAsync(source, CancellationToken.None);
        }
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
