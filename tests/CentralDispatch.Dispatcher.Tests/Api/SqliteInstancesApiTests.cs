using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The instances API on the embedded SQLite store.</summary>
public sealed class SqliteInstancesApiTests(DispatcherFixture fixture) : InstancesApiSuite, IClassFixture<DispatcherFixture>
{
    protected override DispatcherTestHost Host => fixture.Host;
}
