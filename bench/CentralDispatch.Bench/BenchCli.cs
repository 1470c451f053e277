using CentralDispatch.Bench.Queue;

namespace CentralDispatch.Bench;

/// <summary>
/// Benchmarks of Central Dispatch. Each prints its figures as ratios against a baseline measured in the same run and,
/// with --write FILE, replaces its own section of that Markdown file (docs/BENCHMARKS.md).
/// </summary>
public static class BenchCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.FirstOrDefault();
        var write = Option(args, "--write");
        switch (name)
        {
            case "queue":
                var options = new QueueBenchOptions(
                    Jobs: int.Parse(Option(args, "--jobs") ?? "2000", System.Globalization.CultureInfo.InvariantCulture),
                    Agents: int.Parse(Option(args, "--agents") ?? "50", System.Globalization.CultureInfo.InvariantCulture));
                var report = await QueueBench.RunAsync(options, CancellationToken.None);
                await Console.Out.WriteLineAsync(report);
                if (write is not null)
                {
                    await BenchmarkReport.WriteSectionAsync(write, "queue", report, CancellationToken.None);
                }

                return 0;
            case "redeploy":
                var redeploy = await Redeploy.RedeployBench.RunAsync(new Redeploy.RedeployBenchOptions(
                    Instances: int.Parse(Option(args, "--instances") ?? "50", System.Globalization.CultureInfo.InvariantCulture),
                    Concurrency: int.Parse(Option(args, "--concurrency") ?? "8", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
                await Console.Out.WriteLineAsync(redeploy);
                if (write is not null)
                {
                    await BenchmarkReport.WriteSectionAsync(write, "redeploy", redeploy, CancellationToken.None);
                }

                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: bench queue [--jobs N] [--agents N] [--write docs/BENCHMARKS.md]\n"
                                                   + "       bench redeploy [--instances N] [--concurrency N] [--write docs/BENCHMARKS.md]");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
