using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Machine.Reloads;

/// <summary>The coordinator's batching logic on a fake clock and an in-memory web server (the real one is in SandboxApacheTests).</summary>
public sealed class ReloadCoordinatorTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly FakeWebServer _server = new();
    private readonly ReloadRequesters _requesters = new();
    private readonly ReloadCoordinator _coordinator;

    public ReloadCoordinatorTests()
    {
        _coordinator = new ReloadCoordinator(_server, Window, _requesters, _time, NullLogger<ReloadCoordinator>.Instance);
    }

    public void Dispose() => _coordinator.Dispose();

    [Fact]
    public async Task LoneRequest_OnAnIdleHost_ReloadsAtOnce_WithoutWaitingTheWindow()
    {
        // The fake clock never moves: a request that waited the window would never finish.
        await _coordinator.RequestReloadAsync(CancellationToken.None).WaitAsync(SafetyNet);
        await _coordinator.RequestReloadAsync(CancellationToken.None).WaitAsync(SafetyNet);

        Assert.Equal(new ReloadStatistics(Requests: 2, ConfigTests: 2, FailedConfigTests: 0, Reloads: 2), _coordinator.Statistics);
    }

    [Fact]
    public async Task RequestsWithinTheWindow_WhileOtherJobsRun_ShareOneConfigTestAndOneReload()
    {
        using var thisJob = _requesters.Enter();
        using var otherJob = _requesters.Enter();
        var requests = Enumerable.Range(0, 5).Select(_ => _coordinator.RequestReloadAsync(CancellationToken.None)).ToList();
        Assert.All(requests, request => Assert.False(request.IsCompleted));

        _time.Advance(Window);
        await Task.WhenAll(requests).WaitAsync(SafetyNet);

        Assert.Equal(new ReloadStatistics(Requests: 5, ConfigTests: 1, FailedConfigTests: 0, Reloads: 1), _coordinator.Statistics);
    }

    [Fact]
    public async Task LoneRequest_OfTheOnlyRunningJob_ReloadsAtOnce_AndOnceItEnds_TheNextToo()
    {
        using (_requesters.Enter())
        {
            await _coordinator.RequestReloadAsync(CancellationToken.None).WaitAsync(SafetyNet);
        }

        using var otherJob = _requesters.Enter();
        await _coordinator.RequestReloadAsync(CancellationToken.None).WaitAsync(SafetyNet);

        Assert.Equal(0 + 1, _requesters.Running);
        Assert.Equal(2, _server.Reloads);
    }

    [Fact]
    public async Task RequestsWithinTheWindow_WhileAReloadIsUnderWay_ShareOneConfigTestAndOneReload()
    {
        var requests = await DuringAReloadAsync(() => Enumerable.Range(0, 5).Select(_ => _coordinator.RequestReloadAsync(CancellationToken.None)).ToList());
        Assert.All(requests, request => Assert.False(request.IsCompleted));

        _time.Advance(Window);
        await Task.WhenAll(requests).WaitAsync(SafetyNet);

        Assert.Equal(new ReloadStatistics(Requests: 6, ConfigTests: 2, FailedConfigTests: 0, Reloads: 2), _coordinator.Statistics);
    }

    [Fact]
    public async Task SiteChangeDuringTheWindow_IsNotHeldUp_AndItsReloadJoinsTheOpenBatch()
    {
        var first = await DuringAReloadAsync(() => _coordinator.RequestReloadAsync(CancellationToken.None));
        Assert.False(first.IsCompleted);
        var changed = false;

        // The window has not passed (the fake clock stands still): the change must still run now, not after the batch.
        await _coordinator.ExclusiveAsync(() =>
        {
            changed = true;
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(SafetyNet);
        var second = _coordinator.RequestReloadAsync(CancellationToken.None);

        _time.Advance(Window);
        await Task.WhenAll(first, second).WaitAsync(SafetyNet);
        Assert.True(changed);
        Assert.Equal(new ReloadStatistics(Requests: 3, ConfigTests: 2, FailedConfigTests: 0, Reloads: 2), _coordinator.Statistics);
    }

    [Fact]
    public async Task SiteChange_WaitsWhileAConfigTestAndReloadRun()
    {
        var (request, reloadGate) = await ReloadUnderWayAsync();

        var change = _coordinator.ExclusiveAsync(() => Task.CompletedTask, CancellationToken.None);
        Assert.False(change.IsCompleted);

        reloadGate.SetResult();
        await Task.WhenAll(request, change).WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task WithCoalescingOff_EveryRequestGetsItsOwnReload()
    {
        using var coordinator = new ReloadCoordinator(_server, TimeSpan.Zero, _requesters, _time, NullLogger<ReloadCoordinator>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => coordinator.RequestReloadAsync(CancellationToken.None))).WaitAsync(SafetyNet);

        Assert.Equal(4, coordinator.Statistics.Reloads);
        Assert.Equal(4, _server.Reloads);
    }

    [Fact]
    public async Task RequestMadeDuringAReload_WaitsForTheNextReload_WhichCoversItsChange()
    {
        var (first, reloadGate) = await ReloadUnderWayAsync();

        var second = _coordinator.RequestReloadAsync(CancellationToken.None);
        _server.ReloadGate = null;
        reloadGate.SetResult();
        await first.WaitAsync(SafetyNet);

        Assert.Equal(1, _coordinator.Statistics.Reloads);
        Assert.False(second.IsCompleted);
        await Eventually.TrueAsync(() => AdvanceAndCheck(second), "the next reload covered the second request");
        await second.WaitAsync(SafetyNet);
        Assert.Equal(2, _coordinator.Statistics.Reloads);
    }

    [Fact]
    public async Task FailingConfigTest_FailsEveryWaiterWithTheOutput_AndDoesNotReload()
    {
        var requests = await DuringAReloadAsync(() =>
        {
            _server.ConfigPasses = false;
            return Enumerable.Range(0, 3).Select(_ => _coordinator.RequestReloadAsync(CancellationToken.None)).ToList();
        });

        _time.Advance(Window);

        foreach (var request in requests)
        {
            var failure = await Assert.ThrowsAsync<ConfigTestFailedException>(() => request.WaitAsync(SafetyNet));
            Assert.Contains("broken.conf", failure.Output, StringComparison.Ordinal);
        }

        Assert.Equal(1, _server.Reloads);
        Assert.Equal(new ReloadStatistics(Requests: 4, ConfigTests: 2, FailedConfigTests: 1, Reloads: 1), _coordinator.Statistics);
    }

    [Fact]
    public async Task CallerThatStopsWaiting_DoesNotCancelTheReloadForOthers()
    {
        using var cancel = new CancellationTokenSource();
        var (impatient, patient) = await DuringAReloadAsync(() =>
            (_coordinator.RequestReloadAsync(cancel.Token), _coordinator.RequestReloadAsync(CancellationToken.None)));

        await cancel.CancelAsync();
        _time.Advance(Window);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        await patient.WaitAsync(SafetyNet);
        Assert.Equal(2, _server.Reloads);
    }

    /// <summary>A request whose batch is now inside Apache's reload (it started at once: the host was idle), held there until the returned gate is opened.</summary>
    private async Task<(Task Request, TaskCompletionSource ReloadGate)> ReloadUnderWayAsync()
    {
        var reloadGate = new TaskCompletionSource();
        _server.ReloadGate = reloadGate.Task;
        var request = _coordinator.RequestReloadAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _server.Reloads == 1, "the reload is under way");
        return (request, reloadGate);
    }

    /// <summary>Makes requests while a reload is under way, then lets that reload end: they now wait out their window.</summary>
    private async Task<T> DuringAReloadAsync<T>(Func<T> makeRequests)
    {
        var (underWay, reloadGate) = await ReloadUnderWayAsync();
        var requests = makeRequests();
        _server.ReloadGate = null;
        reloadGate.SetResult();
        await underWay.WaitAsync(SafetyNet);
        return requests;
    }

    private bool AdvanceAndCheck(Task request)
    {
        _time.Advance(Window);
        return request.IsCompleted;
    }

    private sealed class FakeWebServer : IWebServerControl
    {
        private int _reloads;

        public bool ConfigPasses { get; set; } = true;

        public Task? ReloadGate { get; set; }

        public int Reloads => Volatile.Read(ref _reloads);

        public string ServerName => "web server";

        public string Untouched => "the running sites";

        public Task<ConfigTestResult> TestConfigAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ConfigPasses ? new ConfigTestResult(true, "Syntax OK") : new ConfigTestResult(false, "AH00526: Syntax error on line 3 of /x/broken.conf"));

        public async Task ReloadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reloads);
            if (ReloadGate is { } gate)
            {
                await gate;
            }
        }
    }
}
