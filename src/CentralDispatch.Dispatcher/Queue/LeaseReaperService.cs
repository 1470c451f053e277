using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>Runs a <see cref="LeaseReaper"/> sweep every <see cref="QueueOptions.ReaperInterval"/>, on the injected clock.</summary>
public sealed partial class LeaseReaperService(
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<LeaseReaperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LeaseReaper>().SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }

            try
            {
                await Task.Delay(options.Value.ReaperInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease reaper sweep failed; trying again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
