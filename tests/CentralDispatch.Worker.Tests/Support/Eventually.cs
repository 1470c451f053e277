namespace CentralDispatch.Worker.Tests.Support;

/// <summary>
/// Retries a check a bounded number of times. A graceful reload returns once Apache was signalled; the new generation
/// of children takes a moment, so a probe right after may still meet the old one. Nothing here asserts on time.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, int attempts = 100)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(done);
        var last = await attempt();
        for (var i = 1; i < attempts && !done(last); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            last = await attempt();
        }

        return last;
    }
}
