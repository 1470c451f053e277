namespace CentralDispatch.Bench.Harness;

/// <summary>Nearest-rank percentiles: the reported figure is always one that was measured.</summary>
public static class Percentiles
{
    /// <summary><paramref name="p"/> in 0..1; NaN for no values.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values) => Of(values, 0.50);
}
