namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>One dispatcher per test class; tests make their own names (and HOME) so they can share it.</summary>
public sealed class DispatcherFixture : IAsyncLifetime
{
    public DispatcherTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DispatcherTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
