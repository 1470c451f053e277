using CentralDispatch.Worker.Agent;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class InstanceLocksTests
{
    [Fact]
    public async Task SecondJobOfAnInstance_WaitsUntilTheFirstReleases()
    {
        var locks = new InstanceLocks();
        var first = await locks.AcquireAsync("shop", CancellationToken.None);

        var second = locks.AcquireAsync("shop", CancellationToken.None);
        var other = await locks.AcquireAsync("blog", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        other.Dispose();
        Assert.False(locks.IsBusy("shop"));
        Assert.False(locks.IsBusy("blog"));
    }

    [Fact]
    public async Task WaitingJob_StopsWaiting_WhenCancelled_AndLeavesTheLockUsable()
    {
        var locks = new InstanceLocks();
        var held = await locks.AcquireAsync("shop", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("shop", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose(); // a second dispose must not release someone else's hold
        using var again = await locks.AcquireAsync("shop", CancellationToken.None);
        Assert.True(locks.IsBusy("shop"));
    }
}
