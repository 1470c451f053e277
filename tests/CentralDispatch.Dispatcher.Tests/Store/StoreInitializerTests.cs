using CentralDispatch.Dispatcher.Store;
using Microsoft.Data.Sqlite;

namespace CentralDispatch.Dispatcher.Tests.Store;

public sealed class StoreInitializerTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cd-store-");

    [Fact]
    public async Task Migrate_IgnoresTheLockRowOfAProcessKilledWhileMigrating()
    {
        await MigrateAsync();
        await using (var connection = new SqliteConnection(StoreRegistration.SqliteConnectionString(Path.Combine(_data.FullName, "dispatch.db"))))
        {
            // What EF Core leaves when the process dies between taking and releasing its migration lock.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);"
                                  + "INSERT OR IGNORE INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00+00:00');";
            await command.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await MigrateAsync(timeout.Token);

        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task Migrate_ByTwoInitializersAtOnce_BothSucceed_AndEveryMigrationIsAppliedOnce()
    {
        var (first, second) = await StoreMigrations.MigrateTwiceAtOnceAsync(Store);

        await StoreMigrations.AssertBothSucceededAndEachMigrationAppliedOnceAsync(Store, first, second);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'jobs'"));
    }

    private StoreOptions Store => new() { DataDirectory = _data.FullName };

    private Task MigrateAsync(CancellationToken cancellationToken = default) => StoreMigrations.MigrateAsync(Store, cancellationToken);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(StoreRegistration.SqliteConnectionString(Store.SqlitePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
