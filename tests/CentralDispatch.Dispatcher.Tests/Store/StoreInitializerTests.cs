using CentralDispatch.Dispatcher.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public async Task Migrate_ByTwoProcessesAtOnce_BothSucceed()
    {
        await Task.WhenAll(MigrateAsync(), MigrateAsync());

        await MigrateAsync();
    }

    private async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddDispatchStore(new StoreOptions { DataDirectory = _data.FullName })
            .BuildServiceProvider();
        await StoreInitializer.MigrateAsync(services, cancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
