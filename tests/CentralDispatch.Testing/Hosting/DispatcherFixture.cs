using Xunit;

namespace CentralDispatch.Testing.Hosting;

/// <summary>One dispatcher on SQLite for a test class; tests make their own names (workers, instances) so they can share it.</summary>
public sealed class DispatcherFixture : IAsyncLifetime
{
    public DispatcherTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DispatcherTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
