using Xunit;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// One PostgreSQL server shared by the tests of an xunit collection. In the test project declare the collection
/// once, and put every PostgreSQL test class in it, so the run starts one server:
/// <code>
/// [CollectionDefinition(PostgresCollection.Name)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt; { public const string Name = "Postgres"; }
///
/// [Collection(PostgresCollection.Name)]
/// public sealed class StoreTests(PostgresFixture postgres) { … await postgres.CreateDatabaseAsync(ct) … }
/// </code>
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised by xunit yet.");

    /// <summary>A fresh, empty database with a unique name; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Server.CreateDatabaseAsync(TestNames.Database(), cancellationToken);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        _server = await PostgresServer.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
