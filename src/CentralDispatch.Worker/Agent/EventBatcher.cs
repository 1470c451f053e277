using System.Threading.Channels;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Provisioning;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The engine's event sink for one job: events are queued without waiting (a bounded channel; beyond its capacity
/// new events are dropped and counted) and sent in order, in batches, every flush interval and on
/// <see cref="FlushAsync"/> before the job completes. A batch the dispatcher could not take stays queued for the
/// next try; a 409 (the lease is gone) stops sending for good.
/// </summary>
internal sealed class EventBatcher : IStepEventSink, IAsyncDisposable
{
    private readonly DispatcherClient _client;
    private readonly JobAssignment _job;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<StepEventReport> _queue;
    private readonly List<StepEventReport> _pending = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _dropped;
    private volatile bool _lost;

    public EventBatcher(DispatcherClient client, JobAssignment job, AgentOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _job = job;
        _interval = options.EventFlushInterval;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = Channel.CreateBounded<StepEventReport>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse when full, never block the engine
        });
    }

    public void Publish(StepEventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_lost && !_queue.Writer.TryWrite(ReportLimits.Event(report)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>The lease is gone: nothing more can be recorded under it, so nothing more is sent.</summary>
    public void Abandon() => _lost = true;

    /// <summary>
    /// Sends everything published so far. Throws <see cref="DispatcherUnavailableException"/> when the dispatcher
    /// cannot take it now (nothing is lost: the next flush sends it); returns quietly once the lease is lost.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            while (_queue.Reader.TryRead(out var report))
            {
                _pending.Add(report);
            }

            ReportDropped();
            while (_pending.Count > 0 && !_lost)
            {
                var batch = _pending.Take(ReportLimits.MaxEventsPerBatch).ToList();
                await SendAsync(batch, cancellationToken);
                if (_lost)
                {
                    _pending.Clear();
                    break;
                }

                _pending.RemoveRange(0, batch.Count);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(List<StepEventReport> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendEventsAsync(_job.JobId, new EventsRequest(_job.Attempt, _job.LeaseToken, batch), cancellationToken);
        }
        catch (Exception e) when (e is LeaseLostException or DispatcherCredentialException)
        {
            // The lease is gone: what is left cannot be recorded under it. The keeper stops the job.
            _lost = true;
        }
        catch (DispatcherRejectedException e)
        {
            // Sending it again would be refused again and hold back every later event: drop it, say so.
            AgentLog.EventsRejected(_logger, _job.JobId, _job.Instance.Name, batch.Count, e.Message);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!_lost)
        {
            try
            {
                await Task.Delay(_interval, _timeProvider, stop);
                await FlushAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (DispatcherUnavailableException e)
            {
                AgentLog.EventsDeferred(_logger, _job.JobId, _job.Instance.Name, e.Message);
            }
        }
    }

    private void ReportDropped()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            AgentLog.EventsDropped(_logger, _job.JobId, _job.Instance.Name, dropped);
        }
    }
}
