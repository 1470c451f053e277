namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>One dispatcher on SQLite for a test class; each test registers its own worker and instances.</summary>
public sealed class DispatcherFixture : IAsyncLifetime
{
    public DispatcherTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DispatcherTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
