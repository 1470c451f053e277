namespace CentralDispatch.Worker.Agent;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th wait after a failure lies between half and all of min·2ⁿ,
/// capped at max, so many workers cut off by one outage do not come back in lock-step. One per call site.
/// </summary>
public sealed class Backoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _failures;

    public Backoff(TimeSpan min, TimeSpan max, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _random = random ?? new Random();
    }

    /// <summary>How many waits were handed out since the last success.</summary>
    public int Failures => _failures;

    /// <summary>The wait before the next try; each call (a new failure) doubles the ceiling until it reaches max.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(_min.Ticks * Math.Pow(2, _failures), _max.Ticks);
        _failures = Math.Min(_failures + 1, 62);
        var half = ceiling / 2;
        return TimeSpan.FromTicks((long)(half + (half * _random.NextDouble())));
    }

    /// <summary>A call succeeded: the next failure waits about min again.</summary>
    public void Reset() => _failures = 0;
}
