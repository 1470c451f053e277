using CentralDispatch.Bench.BulkDeploy;
using CentralDispatch.Bench.Copy;
using CentralDispatch.Bench.DeployLatency;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Bench.Queue;

namespace CentralDispatch.Bench;

/// <summary>
/// Benchmarks of Central Dispatch. Each prints its figures as ratios against a baseline measured in the same run and,
/// with --write FILE, replaces its own section of that Markdown file (docs/BENCHMARKS.md).
/// </summary>
public static class BenchCli
{
    private const string Usage = """
        usage: bench queue [--jobs N] [--agents N] [--write docs/BENCHMARKS.md]
               bench deploy-latency [--deploys N] [--write docs/BENCHMARKS.md]
               bench bulk-deploy [--deploys N] [--rounds N] [--write docs/BENCHMARKS.md]
               bench copy [--files N] [--repetitions N] [--write docs/BENCHMARKS.md]
               bench redeploy [--instances N] [--concurrency N] [--write docs/BENCHMARKS.md]
        """;

    /// <summary>The exact command and when it ran, so a section of the document always says what produced it.</summary>
    private static string Provenance(string[] args, DateTimeOffset started, string loadAtStart) =>
        $"\nProduced by `dotnet run -c Release --project bench/CentralDispatch.Bench -- {string.Join(' ', args)}` on {started:yyyy-MM-dd HH:mm} UTC " +
        $"({Environment.ProcessorCount} cores; load average {loadAtStart} at the start, {LoadAverage()} at the end).\n";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        Func<CancellationToken, Task<string>>? benchmark = arguments.Name switch
        {
            "queue" => ct => QueueBench.RunAsync(new QueueBenchOptions(arguments.Int("--jobs", 2000), arguments.Int("--agents", 50)), ct),
            "deploy-latency" => ct => DeployLatencyBench.RunAsync(new DeployLatencyOptions(arguments.Int("--deploys", 20)), ct),
            "bulk-deploy" => ct => BulkDeployBench.RunAsync(new BulkDeployOptions(arguments.Int("--deploys", 50), arguments.Int("--rounds", 2)), ct),
            "copy" => ct => CopyBench.RunAsync(new CopyBenchOptions(arguments.Int("--files", 5000), arguments.Int("--repetitions", 7)), ct),
            "redeploy" => ct => Redeploy.RedeployBench.RunAsync(new Redeploy.RedeployBenchOptions(arguments.Int("--instances", 50), arguments.Int("--concurrency", 8)), ct),
            _ => null,
        };
        if (benchmark is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // Ctrl-C cancels the run, so the sandbox servers and temp folders it made are still cleaned up.
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var (started, load) = (TimeProvider.System.GetUtcNow(), LoadAverage());
            var report = await benchmark(cancel.Token) + Provenance(args, started, load);
            await Console.Out.WriteLineAsync(report);
            if (arguments.Write is { } write)
            {
                await BenchmarkReport.WriteSectionAsync(write, arguments.Name!, report, CancellationToken.None);
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
