using CentralDispatch.Bench.Harness;

namespace CentralDispatch.Bench.Queue;

/// <summary>Round-trip latencies of one phase and the wall time it took, with the usual summaries.</summary>
public sealed class LatencySample(IReadOnlyList<double> milliseconds, TimeSpan wall)
{
    public int Count => milliseconds.Count;
    public double PerSecond => Count / wall.TotalSeconds;
    public double P50 => Percentiles.Of(milliseconds, 0.50);
    public double P99 => Percentiles.Of(milliseconds, 0.99);
}
