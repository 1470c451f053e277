using CentralDispatch.Worker.Agent;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void Next_DoublesTheCeilingEachTime_WithEqualJitter_UpToTheCap()
    {
        var backoff = new Backoff(Min, Max, new Random(7));

        for (var n = 0; n < 10; n++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Min.Ticks << n, Max.Ticks));
            Assert.InRange(backoff.Next(), ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Reset_StartsAgainAtTheMinimum()
    {
        var backoff = new Backoff(Min, Max, new Random(7));
        for (var n = 0; n < 6; n++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.Next(), Min / 2, Min);
    }

    [Fact]
    public void Jitter_SpreadsAgentsThatFailedTogether()
    {
        var waits = Enumerable.Range(0, 20).Select(seed => new Backoff(Min, Max, new Random(seed))).Select(b =>
        {
            b.Next();
            b.Next();
            return b.Next();
        }).ToHashSet();

        Assert.True(waits.Count > 10, $"only {waits.Count} distinct waits among 20 agents");
    }

    [Fact]
    public void Next_NeverOverflows_AfterManyFailures()
    {
        var backoff = new Backoff(Min, Max, new Random(7));

        for (var n = 0; n < 500; n++)
        {
            Assert.InRange(backoff.Next(), Min / 2, Max);
        }
    }
}
