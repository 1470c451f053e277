namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>Polls a condition on the injected clock, for servers that give no signal when they are ready or gone.</summary>
public static class Waiting
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <returns>True when the condition held before the deadline.</returns>
    public static async Task<bool> UntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            if (await condition(cancellationToken))
            {
                return true;
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        UntilAsync(_ => Task.FromResult(condition()), timeout, timeProvider, cancellationToken);
}
