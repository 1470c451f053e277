using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>One dispatcher and one real sandbox worker (`dispatch worker run`) per test class; tests use their own instance names.</summary>
public sealed class RealWorkerFixture : IAsyncLifetime
{
    private CliUser? _setup;

    public DispatcherTestHost Host { get; private set; } = null!;

    public WorkerProcess Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DispatcherTestHost.StartAsync();
        _setup = new CliUser(Host);
        Worker = await WorkerProcess.StartAsync(_setup, Host);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        _setup?.Dispose();
        await Host.DisposeAsync();
    }
}
