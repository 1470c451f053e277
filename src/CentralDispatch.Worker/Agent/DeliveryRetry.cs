namespace CentralDispatch.Worker.Agent;

/// <summary>Retries a dispatcher call through transient failures, with backoff, until a deadline (the lease's expiry).</summary>
internal static class DeliveryRetry
{
    /// <summary>
    /// Calls until it succeeds. A <see cref="DispatcherUnavailableException"/> is retried after the backoff (shortened
    /// to end at the deadline, for one last try there) and rethrown once the deadline has passed.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, Backoff backoff, Func<DateTimeOffset> deadline,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (DispatcherUnavailableException)
            {
                var left = deadline() - timeProvider.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    throw;
                }

                var wait = backoff.Next();
                await Task.Delay(wait < left ? wait : left, timeProvider, cancellationToken);
            }
        }
    }

    public static Task RunAsync(Func<CancellationToken, Task> call, Backoff backoff, Func<DateTimeOffset> deadline,
        TimeProvider timeProvider, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await call(token);
            return true;
        }, backoff, deadline, timeProvider, cancellationToken);
}
