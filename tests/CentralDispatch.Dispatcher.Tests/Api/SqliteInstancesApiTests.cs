using CentralDispatch.Dispatcher.Tests.Infrastructure;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The instances API on the embedded SQLite store.</summary>
public sealed class SqliteInstancesApiTests(SqliteDispatcherFixture fixture) : InstancesApiSuite, IClassFixture<SqliteDispatcherFixture>
{
    protected override DispatcherTestHost Host => fixture.Host;
}
