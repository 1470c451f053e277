using System.Diagnostics;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>
/// N deploys queued at once on one sandbox worker, for each of four settings: concurrency 1 and 4, reload coalescing
/// off and on. Each run gets a fresh worker (its own Apache, MariaDB and folder) so no run inherits another's sites.
/// The settings run in rounds, forwards then backwards (ABCD DCBA…), so a machine that gets busier or quieter during
/// the invocation weighs on every setting alike. The baseline is concurrency 1 with coalescing off: one job at a
/// time, one reload per deploy.
/// </summary>
public static class BulkDeployBench
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<string> RunAsync(BulkDeployOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var window = new WorkerOptions().ReloadCoalescingWindow;
        BulkRunSettings[] plan =
        [
            new(1, TimeSpan.Zero),
            new(1, window),
            new(4, TimeSpan.Zero),
            new(4, window),
        ];
        await using var dispatcher = await DispatcherTestHost.StartAsync(new() { LogLevel = LogLevel.None }, cancellationToken);
        using var admin = BenchClient.Create(dispatcher.BaseAddress, dispatcher.AdminToken);
        var runs = new List<BulkRun>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var settings in round % 2 == 1 ? plan : plan.Reverse())
            {
                Console.Error.WriteLine($"bulk-deploy: round {round}, {settings.Label}: {options.Deploys} deploys, concurrency {settings.Concurrency}, coalescing window {settings.CoalescingWindow.TotalMilliseconds:0} ms");
                var run = await RunOnceAsync(dispatcher.BaseAddress, admin, settings, round, options.Deploys, cancellationToken);
                Console.Error.WriteLine($"bulk-deploy: round {round}, {settings.Label}: {run.Wall.TotalSeconds:F1} s, {run.Reloads.Reloads} reloads");
                runs.Add(run);
            }
        }

        return BulkDeployReport.Format(options, plan, runs);
    }

    private static async Task<BulkRun> RunOnceAsync(Uri dispatcher, HttpClient admin, BulkRunSettings settings, int round, int deploys,
        CancellationToken cancellationToken)
    {
        var prefix = $"{settings.Label}-r{round}";
        await using var worker = await SandboxWorker.StartAsync(dispatcher, admin, $"bulk-{prefix}", settings.Concurrency, settings.CoalescingWindow, cancellationToken);

        // A fresh worker's first deploy pays for its first database connection (and, in the first run, for JIT); a
        // long-running worker pays that once, so one untimed deploy goes first and its reloads are not counted.
        using (var warmUp = PlannedInstance.Create($"{prefix}-warm-up", worker.Name))
        {
            await DeployAllAsync(admin, worker, [warmUp], cancellationToken);
        }

        var before = worker.Reloads;

        // Certificates are the admin's work, made before the clock runs.
        var planned = Enumerable.Range(1, deploys).Select(i => PlannedInstance.Create($"{prefix}-{i:D3}", worker.Name)).ToList();
        IReadOnlyList<InstanceResponse> instances;
        TimeSpan wall;
        try
        {
            var started = Stopwatch.GetTimestamp();
            instances = await DeployAllAsync(admin, worker, planned, cancellationToken);
            wall = Stopwatch.GetElapsedTime(started);
        }
        finally
        {
            foreach (var instance in planned)
            {
                instance.Dispose();
            }
        }

        return new BulkRun(settings, deploys, wall, Since(before, worker.Reloads), await MedianJobSecondsAsync(admin, instances, cancellationToken));
    }

    /// <summary>Creates the instances one request after another, then waits until every one of them is Active.</summary>
    private static async Task<IReadOnlyList<InstanceResponse>> DeployAllAsync(HttpClient admin, SandboxWorker worker,
        IReadOnlyList<PlannedInstance> planned, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var instance in planned)
        {
            await admin.CreateInstanceAsync(instance.Request, cancellationToken);
        }

        var names = planned.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var instances = (await admin.ListInstancesAsync(worker.Name, cancellationToken)).Where(i => names.Contains(i.Name)).ToList();
            foreach (var instance in instances)
            {
                instance.EnsureNotFailed();
            }

            if (instances.Count(i => i.State == InstanceState.Active) == names.Count)
            {
                return instances;
            }

            if (Stopwatch.GetElapsedTime(started) > Patience)
            {
                throw new TimeoutException($"Worker {worker.Name}: not every instance was Active after {Patience.TotalMinutes:0} min.");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static ReloadStatistics Since(ReloadStatistics before, ReloadStatistics after) => new(after.Requests - before.Requests,
        after.ConfigTests - before.ConfigTests, after.FailedConfigTests - before.FailedConfigTests, after.Reloads - before.Reloads);

    /// <summary>How long one deploy job ran (claimed → finished) while others ran beside it.</summary>
    private static async Task<double> MedianJobSecondsAsync(HttpClient admin, IReadOnlyList<InstanceResponse> instances, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        foreach (var instance in instances)
        {
            var deploy = (await admin.ListJobsAsync(instance.Name, cancellationToken)).Single(j => j.Kind == JobKind.Deploy);
            seconds.Add((deploy.FinishedAt!.Value - deploy.StartedAt!.Value).TotalSeconds);
        }

        return Percentiles.Median(seconds);
    }
}
