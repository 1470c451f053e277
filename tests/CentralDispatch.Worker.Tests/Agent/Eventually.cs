using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>
/// Waits for something the agent does on its own threads. The limit only keeps a broken test from hanging; no
/// assertion depends on how long anything took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what) => await TrueAsync(() => Task.FromResult(condition()), what);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            await Delay(what, limit.Token);
        }
    }

    /// <summary>
    /// Moves the agent's fake clock forward a step at a time until the condition holds; stepping (not one jump)
    /// fires every timer the agent sets on the way, whenever it sets it.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            clock.Advance(step);
            await Delay(what, limit.Token);
        }
    }

    public static Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what) =>
        AdvanceUntilAsync(clock, step, () => Task.FromResult(condition()), what);

    private static async Task Delay(string what, CancellationToken limit)
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
