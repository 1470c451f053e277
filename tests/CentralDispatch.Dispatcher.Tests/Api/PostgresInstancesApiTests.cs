using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Dispatcher.Tests.Postgres;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Postgres;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The instances API on PostgreSQL: a dispatcher per test, each on a fresh database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInstancesApiTests(PostgresFixture postgres) : InstancesApiSuite, IAsyncLifetime
{
    private DispatcherTestHost? _host;

    protected override DispatcherTestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _host = await DispatcherTestHost.StartAsync(new() { Postgres = await postgres.CreateDatabaseAsync(CancellationToken.None) });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
