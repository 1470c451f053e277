using CentralDispatch.Dispatcher.Tests.Postgres;
using CentralDispatch.Testing.Postgres;

namespace CentralDispatch.Dispatcher.Tests.Queue;

/// <summary>The queue suite on PostgreSQL (claims with FOR UPDATE SKIP LOCKED), each test on a fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueTests(PostgresFixture postgres) : QueueSuite
{
    protected override async Task<string?> StoreAsync() => await postgres.CreateDatabaseAsync(CancellationToken.None);
}
