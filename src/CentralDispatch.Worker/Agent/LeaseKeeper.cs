using CentralDispatch.Core.Contracts.Agent;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// Keeps one job's lease: a heartbeat at once, then every interval. Says when the first renewal succeeded (no step
/// may run before), when an admin asked to cancel, and when the lease is lost: a 409, a refused token, or transient
/// failures that lasted until the lease must have expired (counted on this worker's clock from the last renewal sent).
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly DispatcherClient _client;
    private readonly JobAssignment _job;
    private readonly TimeSpan _interval;
    private readonly Backoff _retry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _cancelRequested = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly TaskCompletionSource<bool> _firstRenewal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deadlineTicks;
    private Task _loop = Task.CompletedTask;

    public LeaseKeeper(DispatcherClient client, JobAssignment job, TimeSpan interval, AgentOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _job = job;
        _interval = interval;
        _timeProvider = timeProvider;
        _logger = logger;
        // Retries must fit inside one interval, or a blip would cost the lease.
        _retry = new Backoff(options.BackoffMin < interval ? options.BackoffMin : interval, options.BackoffMax < interval ? options.BackoffMax : interval);
        // The claim just handed out the lease: it runs from about now.
        SetDeadline(timeProvider.GetUtcNow() + job.Lease);
    }

    /// <summary>True once a heartbeat succeeded; false when the lease was lost (or the keeper stopped) before one did.</summary>
    public Task<bool> FirstRenewal => _firstRenewal.Task;

    public CancellationToken CancelRequested => _cancelRequested.Token;

    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>When the lease must be considered expired, on this worker's clock.</summary>
    public DateTimeOffset Deadline => new(Interlocked.Read(ref _deadlineTicks), TimeSpan.Zero);

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>Stops heartbeating (the job is reported, or will not be); the lease then runs out on its own.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _cancelRequested.Dispose();
        _lost.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            var sentAt = _timeProvider.GetUtcNow();
            try
            {
                var response = await _client.HeartbeatAsync(_job.JobId, new HeartbeatRequest(_job.Attempt, _job.LeaseToken), stop);
                // The dispatcher extended the lease after this request left, so it lasts at least this long.
                SetDeadline(sentAt + _job.Lease);
                _retry.Reset();
                if (response.CancelRequested && !_cancelRequested.IsCancellationRequested)
                {
                    AgentLog.CancelRequested(_logger, _job.JobId, _job.Instance.Name);
                    await _cancelRequested.CancelAsync();
                }

                _firstRenewal.TrySetResult(true);
                wait = _interval;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (DispatcherUnavailableException e)
            {
                var left = Deadline - _timeProvider.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    await LoseAsync($"the dispatcher could not be reached before the lease expired ({e.Message})");
                    break;
                }

                var next = _retry.Next();
                wait = next < left ? next : left;
                AgentLog.HeartbeatFailed(_logger, _job.JobId, _job.Instance.Name, e.Message, wait);
            }
            catch (Exception e) when (e is LeaseLostException or DispatcherCredentialException or DispatcherRejectedException)
            {
                await LoseAsync(e.Message);
                break;
            }

            try
            {
                await Task.Delay(wait, _timeProvider, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        _firstRenewal.TrySetResult(false);
    }

    private async Task LoseAsync(string reason)
    {
        AgentLog.LeaseLost(_logger, _job.JobId, _job.Instance.Name, _job.Attempt, reason);
        _firstRenewal.TrySetResult(false);
        await _lost.CancelAsync();
    }

    private void SetDeadline(DateTimeOffset deadline) => Interlocked.Exchange(ref _deadlineTicks, deadline.UtcTicks);
}
