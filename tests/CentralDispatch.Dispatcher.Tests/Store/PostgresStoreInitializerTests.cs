using CentralDispatch.Dispatcher.Store;
using CentralDispatch.Dispatcher.Tests.Postgres;
using CentralDispatch.Testing.Postgres;

namespace CentralDispatch.Dispatcher.Tests.Store;

/// <summary>On PostgreSQL, replicas starting together on one database: EF Core's advisory migration lock lets one migrate.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreInitializerTests(PostgresFixture postgres) : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cd-store-pg-");

    [Fact]
    public async Task Migrate_ByTwoInitializersAtOnce_BothSucceed_AndEveryMigrationIsAppliedOnce()
    {
        var store = new StoreOptions { DataDirectory = _data.FullName, Database = await postgres.CreateDatabaseAsync(CancellationToken.None) };

        var (first, second) = await StoreMigrations.MigrateTwiceAtOnceAsync(store);

        await StoreMigrations.AssertBothSucceededAndEachMigrationAppliedOnceAsync(store, first, second);
    }

    public void Dispose() => _data.Delete(recursive: true);
}
