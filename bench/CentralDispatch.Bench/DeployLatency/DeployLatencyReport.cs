using System.Globalization;
using System.Text;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Bench.DeployLatency;

/// <summary>The deploy-latency section of docs/BENCHMARKS.md.</summary>
public static class DeployLatencyReport
{
    public static string Format(DeployLatencyOptions options, WorkerOptions worker, IReadOnlyList<DeployMeasurement> deploys)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(deploys);
        var culture = CultureInfo.InvariantCulture;
        var baseline = Percentiles.Median(deploys.Select(d => d.BaselineMs));
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Deploy latency: create request → first HTTPS 200 ({deploys.Count} deploys, one after another)");
        text.AppendLine();
        text.AppendLine("A real dispatcher (SQLite) and a real sandbox worker (its own Apache and MariaDB) in one process. Each instance is");
        text.AppendLine("created through `POST /api/v1/instances` with its own certificate; the clock starts when the request is sent and");
        text.AppendLine("stops at the first `200` its site gives over HTTPS (SNI through 127.0.0.1, the instance's certificate required),");
        text.AppendLine(culture, $"probed every 20 ms. One unmeasured deploy warms the worker up first. Worker settings: the defaults (concurrency {worker.Concurrency},");
        text.AppendLine(culture, $"reload coalescing window {worker.ReloadCoalescingWindow.TotalMilliseconds:0} ms, which a lone deploy waits out before its reload).");
        text.AppendLine();
        text.AppendLine("Baseline: one `apache2 -t` + `apache2 -k graceful` of the same sandbox Apache, until Apache logs that it resumed,");
        text.AppendLine("through the worker's own web server control, run after each deploy (so with the same sites loaded). That is the");
        text.AppendLine("web server's irreducible share of any deploy and it scales with the machine as a deploy does (process start-up,");
        text.AppendLine("configuration and TLS key loading), so the ratio says how many \"reloads\" a whole deploy costs. A `/healthz` GET");
        text.AppendLine("would compare a ten-step provisioning with one HTTP round trip and say little.");
        text.AppendLine();
        text.AppendLine("| measured | p50 ms | p95 ms | p50 ÷ baseline | p95 ÷ baseline |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        Row(text, "create → first HTTPS 200", deploys.Select(d => d.FirstOkMs).ToList(), baseline);
        Row(text, "create → instance Active on the API", deploys.Select(d => d.ActiveMs).ToList(), baseline);
        Row(text, "baseline: config test + graceful reload", deploys.Select(d => d.BaselineMs).ToList(), baseline);
        text.AppendLine();
        text.AppendLine("Where the time goes (median per deploy, as the worker reported each step):");
        text.AppendLine();
        text.AppendLine("| part | median ms | ÷ baseline |");
        text.AppendLine("|---|---:|---:|");
        var queued = Percentiles.Median(deploys.Select(d => d.QueuedMs));
        text.AppendLine(culture, $"| queued (created → claimed) | {queued:F0} | {queued / baseline:F2}× |");
        foreach (var step in deploys.SelectMany(d => d.Steps.Select(s => s.Step)).Distinct())
        {
            var median = Percentiles.Median(deploys.Select(d => d.Steps.Where(s => s.Step == step).Sum(s => s.Ms)));
            text.AppendLine(culture, $"| {step} | {median:F0} | {median / baseline:F2}× |");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, IReadOnlyList<double> values, double baseline)
    {
        var p50 = Percentiles.Of(values, 0.50);
        var p95 = Percentiles.Of(values, 0.95);
        text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {p50:F0} | {p95:F0} | {p50 / baseline:F2}× | {p95 / baseline:F2}× |");
    }
}
