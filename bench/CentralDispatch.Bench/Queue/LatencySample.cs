namespace CentralDispatch.Bench.Queue;

/// <summary>Round-trip latencies of one phase and the wall time it took, with the usual summaries.</summary>
public sealed class LatencySample(IReadOnlyList<double> milliseconds, TimeSpan wall)
{
    public int Count => milliseconds.Count;
    public double PerSecond => Count / wall.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
