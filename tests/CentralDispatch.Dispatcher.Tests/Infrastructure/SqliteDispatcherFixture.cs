namespace CentralDispatch.Dispatcher.Tests.Infrastructure;

/// <summary>One dispatcher on SQLite for a test class; tests make their own names so they can share it.</summary>
public sealed class SqliteDispatcherFixture : IAsyncLifetime
{
    public DispatcherTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DispatcherTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
