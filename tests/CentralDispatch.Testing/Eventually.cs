using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CentralDispatch.Testing;

/// <summary>
/// Waits for something that happens on other threads or in other processes (an agent's loop, a graceful reload's new
/// children, a deploy), checking every few milliseconds. The limit only keeps a broken test from hanging; no assertion
/// depends on how long anything took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> at the limit (a
    /// minute unless <paramref name="limit"/> says otherwise).
    /// </summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null) => TrueAsync(() => Task.FromResult(condition()), what, limit);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var bound = new CancellationTokenSource(limit ?? DefaultLimit);
        while (!await condition())
        {
            await DelayAsync(what, bound.Token);
        }
    }

    /// <summary>
    /// Repeats <paramref name="attempt"/> until its result is <paramref name="done"/>, and returns that result; at the limit
    /// it returns the last one, for the test to assert on (and show why it is not done).
    /// </summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(done);
        using var bound = new CancellationTokenSource(limit ?? DefaultLimit);
        var last = await attempt();
        while (!done(last) && !bound.IsCancellationRequested)
        {
            await Task.Delay(Poll, CancellationToken.None);
            last = await attempt();
        }

        return last;
    }

    /// <summary>
    /// Moves a fake clock forward a step at a time until the condition holds; stepping (not one jump) fires every timer
    /// set on the way, whenever it is set.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(condition);
        using var bound = new CancellationTokenSource(DefaultLimit);
        while (!await condition())
        {
            clock.Advance(step);
            await DelayAsync(what, bound.Token);
        }
    }

    /// <inheritdoc cref="AdvanceUntilAsync(FakeTimeProvider, TimeSpan, Func{Task{bool}}, string)"/>
    public static Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what) =>
        AdvanceUntilAsync(clock, step, () => Task.FromResult(condition()), what);

    private static async Task DelayAsync(string what, CancellationToken limit)
    {
        try
        {
            await Task.Delay(Poll, limit);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Gave up waiting for: {what}");
        }
    }
}
