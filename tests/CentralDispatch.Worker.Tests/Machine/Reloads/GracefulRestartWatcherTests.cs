using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Machine.Reloads;

public sealed class GracefulRestartWatcherTests
{
    private const string Resumed = "[mpm_event:notice] [pid 1] AH00489: Apache/2.4 configured -- resuming normal operations\n";

    [Fact]
    public async Task Wait_ReturnsOnceApacheLogsThatItResumed_AfterTheMark()
    {
        using var folder = new TestFolder("cd-graceful");
        var log = folder.Combine("error.log");
        await File.WriteAllTextAsync(log, Resumed);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var watcher = new GracefulRestartWatcher(log, time);
        var mark = watcher.Mark();

        // The first look at the log happens inside this call; the next waits for the fake clock, which stands still.
        var waiting = watcher.WaitAsync(mark, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted); // the "resuming" line before the mark does not count
        await File.AppendAllTextAsync(log, "[mpm_event:notice] AH00493: SIGUSR1 received.  Doing graceful restart\n" + Resumed);
        await Eventually.AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(25), () => waiting.IsCompleted, "the watcher saw Apache resume");

        await waiting;
    }

    [Fact]
    public async Task Wait_TimesOut_WithTheLogsNewLines_WhenApacheDoesNotResume()
    {
        using var folder = new TestFolder("cd-graceful");
        var log = folder.Combine("error.log");
        await File.WriteAllTextAsync(log, Resumed);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var watcher = new GracefulRestartWatcher(log, time);
        var mark = watcher.Mark();
        await File.AppendAllTextAsync(log, "[ssl:emerg] AH02572: Failed to configure at least one certificate and key\n");

        var waiting = watcher.WaitAsync(mark, TimeSpan.FromSeconds(10), CancellationToken.None);
        for (var i = 0; i < 500 && !waiting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.Contains("AH02572", error.Message, StringComparison.Ordinal);
    }
}
