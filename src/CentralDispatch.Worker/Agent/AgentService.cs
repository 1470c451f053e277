using Microsoft.Extensions.Hosting;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// Hosts the agent as a daemon (`dispatch worker run`). SIGTERM stops the host, which stops claiming and lets jobs
/// finish their step in flight; give the host a shutdown timeout longer than the slowest step. When the agent
/// ends on its own (the dispatcher refused the worker) the application stops and <see cref="ExitCode"/> says why.
/// </summary>
public sealed class AgentService(AgentLoop loop, IHostApplicationLifetime lifetime) : BackgroundService
{
    public int ExitCode { get; private set; } = AgentExitCodes.Success;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ExitCode = await loop.RunAsync(AgentRunMode.Daemon, stoppingToken);
        if (!stoppingToken.IsCancellationRequested)
        {
            lifetime.StopApplication();
        }
    }
}
