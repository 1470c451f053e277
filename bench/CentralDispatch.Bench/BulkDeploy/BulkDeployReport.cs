using System.Globalization;
using System.Text;

namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>The bulk-deploy section of docs/BENCHMARKS.md; the first run is the baseline.</summary>
public static class BulkDeployReport
{
    public static string Format(BulkDeployOptions options, IReadOnlyList<BulkRun> runs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runs);
        var culture = CultureInfo.InvariantCulture;
        var baseline = runs[0];
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Bulk deploy: {options.Deploys} deploys on one worker, concurrency 1 and 4, reload coalescing off and on");
        text.AppendLine();
        text.AppendLine(culture, $"{options.Deploys} instances (each with its own certificate) are created through the API at once and deployed by one sandbox");
        text.AppendLine("worker; wall time runs from the first create request until the API shows every instance Active (polled every 250 ms).");
        text.AppendLine("Each run has a fresh worker (own Apache, MariaDB and folder) and one untimed warm-up deploy first. Reload counts are");
        text.AppendLine("the worker's reload coordinator's statistics over the timed deploys; \"median job\" is one deploy job's own time,");
        text.AppendLine("claimed → completed. Baseline: the first run, concurrency 1 with coalescing off, in the same invocation.");
        text.AppendLine();
        text.AppendLine("| concurrency | coalescing | wall s | deploys/min | graceful reloads | median job s | wall ÷ baseline | deploys/min ÷ baseline | reloads ÷ baseline |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var coalescing = run.Settings.Coalescing ? $"on ({run.Settings.CoalescingWindow.TotalMilliseconds:0} ms)" : "off";
            text.AppendLine(culture,
                $"| {run.Settings.Concurrency} | {coalescing} | {run.Wall.TotalSeconds:F1} | {run.DeploysPerMinute:F1} | {run.Reloads.Reloads} | {run.MedianJobSeconds:F2} | {run.Wall / baseline.Wall:F2}× | {run.DeploysPerMinute / baseline.DeploysPerMinute:F2}× | {(double)run.Reloads.Reloads / baseline.Reloads.Reloads:F2}× |");
        }

        return text.ToString();
    }
}
