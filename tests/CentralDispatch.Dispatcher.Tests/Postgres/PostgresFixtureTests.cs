using CentralDispatch.Testing.Postgres;
using Npgsql;

namespace CentralDispatch.Dispatcher.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFixtureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CreateDatabaseAsync_GivesSeparateDatabasesThatEachAnswerQueriesTest()
    {
        var ct = CancellationToken.None;
        var first = await postgres.CreateDatabaseAsync(ct);
        var second = await postgres.CreateDatabaseAsync(ct);

        await ExecuteAsync(first, "create table marker (id int primary key); insert into marker values (1), (2);", ct);

        Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, await ScalarAsync<string>(first, "select current_database()", ct));
        Assert.Equal(new NpgsqlConnectionStringBuilder(second).Database, await ScalarAsync<string>(second, "select current_database()", ct));
        Assert.Equal(2L, await ScalarAsync<long>(first, "select count(*) from marker", ct));
        Assert.False(await ScalarAsync<bool>(second, "select to_regclass('marker') is not null", ct));
    }

    [Fact]
    public async Task Server_IsPostgreSql15OrNewerTest()
    {
        var ct = CancellationToken.None;
        var database = await postgres.CreateDatabaseAsync(ct);

        var version = await ScalarAsync<int>(database, "select current_setting('server_version_num')::int", ct);

        Assert.True(version >= 150000, $"server_version_num {version}");
    }

    [Fact]
    public async Task CreateDatabaseAsync_RefusesNameThatIsNotAPlainIdentifierTest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => postgres.Server.CreateDatabaseAsync("x\"; drop database postgres; --", CancellationToken.None));
    }

    internal static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
