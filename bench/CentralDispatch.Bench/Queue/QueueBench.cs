using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Postgres;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.Queue;

/// <summary>
/// Claim + complete round trips with N simulated agents over HTTP, on SQLite and on PostgreSQL in one run. The
/// baseline is the same agents calling GET /healthz (HTTP + one store round trip) on the same dispatcher.
/// </summary>
public static class QueueBench
{
    public static async Task<string> RunAsync(QueueBenchOptions options, CancellationToken cancellationToken)
    {
        await using var postgres = await PostgresServer.StartAsync(cancellationToken);
        var stores = new[]
        {
            new StoreUnderTest("SQLite", null),
            new StoreUnderTest("PostgreSQL", await postgres.CreateDatabaseAsync($"bench_{Guid.NewGuid():N}"[..30], cancellationToken)),
        };
        var rows = new List<(StoreUnderTest Store, LatencySample Work, LatencySample Baseline)>();
        foreach (var store in stores)
        {
            Console.Error.WriteLine($"queue bench: {store.Label}, {options.Jobs} jobs, {options.Agents} agents");
            rows.Add(await MeasureAsync(store, options, cancellationToken));
        }

        return Format(options, rows);
    }

    private static async Task<(StoreUnderTest, LatencySample, LatencySample)> MeasureAsync(StoreUnderTest store, QueueBenchOptions options,
        CancellationToken cancellationToken)
    {
        await using var dispatcher = await DispatcherTestHost.StartAsync(new() { Postgres = store.Postgres, LogLevel = LogLevel.None }, cancellationToken);
        using var admin = BenchClient.Create(dispatcher.BaseAddress, dispatcher.AdminToken);
        var agents = await RegisterAgentsAsync(dispatcher.BaseAddress, admin, options.Agents, cancellationToken);
        try
        {
            await QueueJobsAsync(admin, agents.Select(a => a.Worker).ToList(), options.Jobs, cancellationToken);
            var work = await AcrossAgentsAsync(agents.Select(a => a.Client).ToList(), ClaimAndCompleteAsync, cancellationToken);
            if (work.Count != options.Jobs)
            {
                throw new InvalidOperationException($"{work.Count} jobs were claimed and completed, not {options.Jobs}.");
            }

            var perAgent = Math.Max(1, options.Jobs / options.Agents);
            var baseline = await AcrossAgentsAsync(agents.Select(a => a.Client).ToList(), (client, ct) => HealthzAsync(client, perAgent, ct), cancellationToken);
            return (store, work, baseline);
        }
        finally
        {
            foreach (var agent in agents)
            {
                agent.Client.Dispose();
            }
        }
    }

    /// <summary>Runs the loop on every agent at once; returns every round trip's latency and the wall time of the whole phase.</summary>
    private static async Task<LatencySample> AcrossAgentsAsync(IReadOnlyList<HttpClient> agents,
        Func<HttpClient, CancellationToken, Task<List<double>>> loop, CancellationToken cancellationToken)
    {
        var all = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(agents.Select(async agent =>
        {
            foreach (var latency in await loop(agent, cancellationToken))
            {
                all.Add(latency);
            }
        }));
        return new LatencySample(all.ToList(), wall.Elapsed);
    }

    private static async Task<List<double>> ClaimAndCompleteAsync(HttpClient agent, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var claim = await agent.PostAsJsonAsync("/api/v1/agent/claim", new ClaimRequest(0), CoreJson.Options, cancellationToken);
            if (claim.StatusCode == HttpStatusCode.NoContent)
            {
                return latencies;
            }

            claim.EnsureSuccessStatusCode();
            var job = (await claim.Content.ReadFromJsonAsync<JobAssignment>(CoreJson.Options, cancellationToken))!;
            using var complete = await agent.PostAsJsonAsync($"/api/v1/agent/jobs/{job.JobId}/complete",
                new CompleteRequest(job.Attempt, job.LeaseToken, JobState.Succeeded), CoreJson.Options, cancellationToken);
            complete.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static async Task<List<double>> HealthzAsync(HttpClient agent, int count, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await agent.GetAsync("/healthz", cancellationToken);
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<List<(string Worker, HttpClient Client)>> RegisterAgentsAsync(Uri dispatcher, HttpClient admin, int count,
        CancellationToken cancellationToken)
    {
        var agents = new List<(string, HttpClient)>();
        for (var i = 0; i < count; i++)
        {
            var name = $"bench-{i.ToString("D3", CultureInfo.InvariantCulture)}";
            var client = BenchClient.Create(dispatcher, await admin.RegisterWorkerAsync(name, 10_000, cancellationToken));
            agents.Add((name, client));
            (await client.PostAsJsonAsync("/api/v1/agent/hello", new HelloRequest("bench", name), CoreJson.Options, cancellationToken))
                .EnsureSuccessStatusCode();
        }

        return agents;
    }

    private static async Task QueueJobsAsync(HttpClient admin, IReadOnlyList<string> workers, int jobs, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var name = $"b{i.ToString("D6", CultureInfo.InvariantCulture)}";
                using var response = await admin.PostAsJsonAsync("/api/v1/instances",
                    new CreateInstanceRequest(name, $"{name}.bench.example", Worker: workers[i % workers.Count], BackendEmail: "ops@example.com"),
                    CoreJson.Options, ct);
                response.EnsureSuccessStatusCode();
            });
    }

    private static string Format(QueueBenchOptions options, List<(StoreUnderTest Store, LatencySample Work, LatencySample Baseline)> rows)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"## Queue: claim + complete over HTTP ({options.Jobs} jobs, {options.Agents} agents, one worker each)");
        text.AppendLine();
        text.AppendLine("Each round trip is one `POST /api/v1/agent/claim` that leases a job and one `POST …/complete` that finishes it.");
        text.AppendLine("Baseline: the same agents calling `GET /healthz` (HTTP plus one store round trip) on the same dispatcher, in the same run.");
        text.AppendLine();
        text.AppendLine("| store | round trips/s | p50 ms | p99 ms | baseline req/s | baseline p50 ms | p50 ÷ baseline p50 | throughput ÷ baseline |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (store, work, baseline) in rows)
        {
            text.AppendLine(culture,
                $"| {store.Label} | {work.PerSecond:F0} | {work.P50:F1} | {work.P99:F1} | {baseline.PerSecond:F0} | {baseline.P50:F1} | {work.P50 / baseline.P50:F1}× | {work.PerSecond / baseline.PerSecond:F2}× |");
        }

        if (rows.Count == 2)
        {
            text.AppendLine();
            text.AppendLine(culture, $"PostgreSQL ÷ SQLite, round trips per second: {rows[1].Work.PerSecond / rows[0].Work.PerSecond:F2}×.");
        }

        return text.ToString();
    }
}
