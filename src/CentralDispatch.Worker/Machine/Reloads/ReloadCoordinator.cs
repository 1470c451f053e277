using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>
/// Serializes one server's reloads on one host (Apache's, registered as this type; the PHP-FPM master's, keyed
/// <see cref="PhpFpm.PhpFpmReloads.Key"/>) and coalesces the requests made within a window into one config test and
/// one graceful reload. A request is answered by the first test-and-reload that starts after it was made, so the reload
/// a caller awaits always covers the change it wrote before asking. A failing config test fails every caller of that
/// batch (with the server's message) and nothing is reloaded, so what runs keeps its configuration.
/// A request that can have no company (no batch waiting, testing or reloading, and no other job running on the worker)
/// starts its batch at once: a lone deploy would otherwise wait the whole window for nothing.
/// </summary>
public sealed partial class ReloadCoordinator(IReloadableServer control, TimeSpan window, ReloadRequesters requesters, TimeProvider timeProvider, ILogger<ReloadCoordinator> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Batch? _open;
    private int _inFlight;
    private int _requests;
    private int _configTests;
    private int _failedConfigTests;
    private int _reloads;

    public ReloadStatistics Statistics => new(Volatile.Read(ref _requests), Volatile.Read(ref _configTests), Volatile.Read(ref _failedConfigTests), Volatile.Read(ref _reloads));

    /// <summary>Completes when a reload covering the caller's change has happened.</summary>
    /// <exception cref="ConfigTestFailedException">The config test failed; nothing was reloaded.</exception>
    /// <exception cref="OperationCanceledException">The caller stopped waiting (the batch still runs for the others).</exception>
    public Task RequestReloadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        Interlocked.Increment(ref _requests);
        Batch batch;
        var isNew = false;
        lock (_gate)
        {
            if (_open is null || window <= TimeSpan.Zero)
            {
                batch = new Batch { Leading = _inFlight == 0 && requesters.Running <= 1 };
                _inFlight++;
                isNew = true;

                // With coalescing off every request gets its own batch, so no batch is ever left open for others to join.
                _open = window > TimeSpan.Zero ? batch : null;
            }
            else
            {
                batch = _open;
            }

            batch.Waiters++;
        }

        if (isNew)
        {
            _ = RunAsync(batch);
        }

        return batch.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a change to what the server serves (enabling or disabling a site, adding a pool) while no config test or reload is under way,
    /// so a test never passes on one set of sites and the reload then loads another.
    /// Never request a reload from inside <paramref name="change"/>: it would wait for itself.
    /// </summary>
    public async Task ExclusiveAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await change();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task RunAsync(Batch batch)
    {
        var token = _stopping.Token;
        try
        {
            // The window passes outside the lock: other jobs may enable their sites meanwhile and join this batch
            // (holding the lock here kept them waiting for this whole batch, so each needed a reload of its own).
            if (window > TimeSpan.Zero && !batch.Leading)
            {
                await Task.Delay(window, timeProvider, token);
            }

            // While an earlier batch tests and reloads, this one stays open and keeps collecting requests.
            await _oneAtATime.WaitAsync(token);
            try
            {
                int waiters;
                lock (_gate)
                {
                    if (ReferenceEquals(_open, batch))
                    {
                        _open = null;
                    }

                    waiters = batch.Waiters;
                }

                await TestAndReloadAsync(batch, waiters, token);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            batch.Done.TrySetCanceled(token);
        }
        catch (Exception ex)
        {
            batch.Done.TrySetException(ex);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    private async Task TestAndReloadAsync(Batch batch, int waiters, CancellationToken token)
    {
        Interlocked.Increment(ref _configTests);
        var test = await control.TestConfigAsync(token);
        if (!test.Passed)
        {
            Interlocked.Increment(ref _failedConfigTests);
            LogConfigTestFailed(logger, control.ServerName, waiters, test.Output);
            batch.Done.TrySetException(new ConfigTestFailedException(control.ServerName, control.Untouched, test.Output));
            return;
        }

        await control.ReloadAsync(token);
        Interlocked.Increment(ref _reloads);
        LogReloaded(logger, control.ServerName, waiters);
        batch.Done.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Server} reloaded gracefully for {Requests} request(s)")]
    private static partial void LogReloaded(ILogger logger, string server, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Server}'s config test failed; not reloading ({Requests} request(s) fail): {Output}")]
    private static partial void LogConfigTestFailed(ILogger logger, string server, int requests, string output);

    private sealed class Batch
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiters { get; set; }

        /// <summary>Made when no other request could join it: runs without waiting the window.</summary>
        public bool Leading { get; init; }
    }
}
