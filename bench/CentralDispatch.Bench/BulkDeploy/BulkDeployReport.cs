using System.Globalization;
using System.Text;

namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>The bulk-deploy section of docs/BENCHMARKS.md: each setting's runs summed up; the first setting is the baseline.</summary>
public static class BulkDeployReport
{
    public static string Format(BulkDeployOptions options, IReadOnlyList<BulkRunSettings> plan, IReadOnlyList<BulkRun> runs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        var culture = CultureInfo.InvariantCulture;
        var summaries = plan.Select(settings => Summary.Of(settings, runs.Where(r => r.Settings == settings).ToList())).ToList();
        var baseline = summaries[0];
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Bulk deploy: {options.Deploys} deploys on one worker, concurrency 1 and 4, reload coalescing off and on");
        text.AppendLine();
        text.AppendLine(culture, $"{options.Deploys} instances (each with its own certificate) are created through the API at once and deployed by one sandbox");
        text.AppendLine("worker; wall time runs from the first create request until the API shows every instance Active (polled every 250 ms).");
        text.AppendLine("Each run has a fresh worker (own Apache, MariaDB and folder) and one untimed warm-up deploy first. Reload counts are");
        text.AppendLine("the worker's reload coordinator's statistics over the timed deploys; \"median job\" is one deploy job's own time,");
        text.AppendLine(culture, $"claimed → completed. The four settings ran in {options.Rounds} round(s), forwards then backwards (ABCD DCBA), so a load");
        text.AppendLine("that drifts during the invocation weighs on each alike; figures are the mean of a setting's runs (each run's wall");
        text.AppendLine("time is listed too). Baseline: concurrency 1 with coalescing off, in the same invocation.");
        text.AppendLine();
        text.AppendLine("| concurrency | coalescing | wall s (runs) | deploys/min | graceful reloads | median job s | wall ÷ baseline | deploys/min ÷ baseline | reloads ÷ baseline |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in summaries)
        {
            var coalescing = s.Settings.Coalescing ? $"on ({s.Settings.CoalescingWindow.TotalMilliseconds:0} ms)" : "off";
            text.AppendLine(culture,
                $"| {s.Settings.Concurrency} | {coalescing} | {s.WallSeconds:F1} ({s.RunWalls}) | {s.DeploysPerMinute:F1} | {s.Reloads:F1} | {s.MedianJobSeconds:F2} | {s.WallSeconds / baseline.WallSeconds:F2}× | {s.DeploysPerMinute / baseline.DeploysPerMinute:F2}× | {s.Reloads / baseline.Reloads:F2}× |");
        }

        return text.ToString();
    }

    private sealed record Summary(BulkRunSettings Settings, double WallSeconds, string RunWalls, double DeploysPerMinute, double Reloads, double MedianJobSeconds)
    {
        public static Summary Of(BulkRunSettings settings, IReadOnlyList<BulkRun> runs)
        {
            var wall = runs.Average(r => r.Wall.TotalSeconds);
            var walls = string.Join(" / ", runs.Select(r => r.Wall.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)));
            return new Summary(settings, wall, walls, runs[0].Deploys / (wall / 60), runs.Average(r => r.Reloads.Reloads),
                runs.Average(r => r.MedianJobSeconds));
        }
    }
}
