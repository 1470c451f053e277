namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>
/// Counts the jobs this worker runs now, each one a possible reload requester. The reload coordinator asks it whether
/// a request on an idle web server could have company: with no other job running, waiting out the window gains nothing.
/// </summary>
public sealed class ReloadRequesters
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    /// <summary>A job started; disposing the result says it ended.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _running);
        return new Departure(this);
    }

    private sealed class Departure(ReloadRequesters owner) : IDisposable
    {
        private int _gone;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _gone, 1) == 0)
            {
                Interlocked.Decrement(ref owner._running);
            }
        }
    }
}
