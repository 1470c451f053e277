using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.Redeploy;

/// <summary>
/// A bulk redeploy of N instances on one real sandbox worker (its own Apache and MariaDB), driven through the API as
/// `dispatch instance redeploy --all` drives it: wall time, graceful reloads, and what a site probe every 50 ms saw.
/// Baseline: the same bulk redeploy with reload coalescing off (one reload per switch), on the same worker, in the same run.
/// </summary>
public static class RedeployBench
{
    private const string WorkerName = "bench-worker";

    public static async Task<string> RunAsync(RedeployBenchOptions options, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("cd-bench-rd-");
        File.SetUnixFileMode(data.FullName, FileModes.Folder);
        try
        {
            await using var dispatcher = await DispatcherTestHost.StartAsync(
                new() { DataFolder = Path.Combine(data.FullName, "dispatcher"), LogLevel = LogLevel.None }, cancellationToken);
            var address = dispatcher.BaseAddress;
            using var admin = Client(address, dispatcher.AdminToken);
            var config = await InitWorkerAsync(admin, address, Path.Combine(data.FullName, "worker"), options, cancellationToken);

            BenchWorker worker = await BenchWorker.StartAsync(config, cancellationToken);
            var deploy = Stopwatch.StartNew();
            var names = await CreateInstancesAsync(admin, options.Instances, cancellationToken);
            await WaitAllAsync(admin, names.Select(n => n.JobId).ToList(), cancellationToken);
            deploy.Stop();
            var deployReloads = worker.Reloads.Reloads;

            var coalesced = await RoundAsync("coalesced (250 ms window, the default)", worker, admin, names, "bench-v2", cancellationToken);
            await worker.DisposeAsync();
            await SetCoalescingAsync(config, TimeSpan.Zero, cancellationToken);
            worker = await BenchWorker.StartAsync(config, cancellationToken);
            var baseline = await RoundAsync("baseline: coalescing off", worker, admin, names, "bench-v3", cancellationToken);
            await worker.DisposeAsync();
            await dispatcher.StopAsync();
            return Format(options, deploy.Elapsed, deployReloads, coalesced, baseline);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<string> InitWorkerAsync(HttpClient admin, Uri address, string folder, RedeployBenchOptions options, CancellationToken cancellationToken)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/workers", new RegisterWorkerRequest(WorkerName, "https://bench.example", Capacity: 10_000),
            CoreJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        var enrolment = (await response.Content.ReadFromJsonAsync<WorkerEnrolmentResponse>(CoreJson.Options, cancellationToken))!;
        var worker = WorkerProfiles.Sandbox(folder, address.ToString().TrimEnd('/'), enrolment.Token);
        worker.Concurrency = options.Concurrency;
        var config = Path.Combine(folder, WorkerProfiles.SandboxConfigFileName);
        await WorkerInitializer.InitializeAsync(worker, config, null, cancellationToken);
        foreach (var release in new[] { "bench-v1", "bench-v2", "bench-v3" })
        {
            BenchReleases.Write(worker.Paths.ReleasesFolder, release);
        }

        return config;
    }

    private static async Task SetCoalescingAsync(string config, TimeSpan window, CancellationToken cancellationToken)
    {
        var options = WorkerConfigFile.Load(config);
        options.ReloadCoalescingWindow = window;
        await WorkerConfigFile.WriteAsync(config, options, cancellationToken);
    }

    private static async Task<List<(string Name, long JobId)>> CreateInstancesAsync(HttpClient admin, int count, CancellationToken cancellationToken)
    {
        var created = new List<(string, long)>();
        for (var i = 0; i < count; i++)
        {
            var name = $"bench-{i.ToString("D3", CultureInfo.InvariantCulture)}";
            var hostname = $"{name}.bench.example";
            var pem = TestCertificates.ForHosts(hostname);
            using var response = await admin.PostAsJsonAsync("/api/v1/instances", new CreateInstanceRequest(name, hostname, Worker: WorkerName,
                Release: "bench-v1", BackendEmail: "ops@example.com", CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem), CoreJson.Options, cancellationToken);
            response.EnsureSuccessStatusCode();
            var instance = (await response.Content.ReadFromJsonAsync<InstanceResponse>(CoreJson.Options, cancellationToken))!;
            created.Add((name, instance.CurrentJob!.Id));
        }

        return created;
    }

    private static async Task<RedeployRound> RoundAsync(string label, BenchWorker worker, HttpClient admin, List<(string Name, long JobId)> instances,
        string release, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"redeploy bench: {label}: {instances.Count} instances to {release}");
        var before = worker.Reloads;
        using var stopProbing = new CancellationTokenSource();
        var probing = SiteProber.RunAsync(worker.Options, instances.Select(i => $"{i.Name}.bench.example").ToList(), stopProbing.Token);
        var wall = Stopwatch.StartNew();
        var jobs = new List<long>();
        foreach (var (name, _) in instances)
        {
            using var response = await admin.PostAsJsonAsync($"/api/v1/instances/{name}/redeploy", new InstanceActionRequest(Release: release), CoreJson.Options,
                cancellationToken);
            response.EnsureSuccessStatusCode();
            jobs.Add((await response.Content.ReadFromJsonAsync<JobSummary>(CoreJson.Options, cancellationToken))!.Id);
        }

        var succeeded = await WaitAllAsync(admin, jobs, cancellationToken);
        wall.Stop();
        await stopProbing.CancelAsync();
        var (probes, errors) = await probing;
        var after = worker.Reloads;
        return new RedeployRound(label, worker.Options.ReloadCoalescingWindow, wall.Elapsed, succeeded, after.Reloads - before.Reloads,
            after.ConfigTests - before.ConfigTests, probes, errors);
    }

    /// <summary>Polls the jobs until all are finished; returns how many succeeded (a failed one is reported, not hidden).</summary>
    private static async Task<int> WaitAllAsync(HttpClient admin, IReadOnlyList<long> jobs, CancellationToken cancellationToken)
    {
        var pending = jobs.ToHashSet();
        var succeeded = 0;
        while (pending.Count > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            foreach (var id in pending.ToList())
            {
                var job = (await admin.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{id}", CoreJson.Options, cancellationToken))!;
                if (!job.State.IsFinished())
                {
                    continue;
                }

                pending.Remove(id);
                if (job.State == JobState.Succeeded)
                {
                    succeeded++;
                }
                else
                {
                    Console.Error.WriteLine($"redeploy bench: job {id} of {job.Instance} ended {job.State}: {job.Error}");
                }
            }
        }

        return succeeded;
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Format(RedeployBenchOptions options, TimeSpan deploy, int deployReloads, RedeployRound coalesced, RedeployRound baseline)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Bulk redeploy: {options.Instances} instances on one worker (Worker:Concurrency = {options.Concurrency})");
        text.AppendLine();
        text.AppendLine("One real sandbox worker (its own Apache 2.4 and MariaDB), every instance with its own certificate, each redeploy queued through");
        text.AppendLine("`POST /api/v1/instances/{name}/redeploy` as `dispatch instance redeploy --all --release R` does; the time runs from the first request");
        text.AppendLine("until every job has finished. Each redeploy copies a release of 41 files beside the live tree, flips the webroot link, asks for a");
        text.AppendLine("graceful reload and health-checks the site. A probe asks one of the sites (round robin) every 50 ms during the whole bulk redeploy.");
        text.AppendLine(culture, $"Baseline: the same bulk redeploy with reload coalescing off (one config test and graceful reload per switch), same worker, same run. Machine: {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| run | succeeded | wall time | per instance | graceful reloads | config tests | probes | non-2xx/3xx answers |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var round in new[] { coalesced, baseline })
        {
            text.AppendLine(culture,
                $"| {round.Label} | {round.Succeeded}/{options.Instances} | {round.Wall.TotalSeconds:F1} s | {round.Wall.TotalMilliseconds / options.Instances:F0} ms | {round.Reloads} | {round.ConfigTests} | {round.Probes} | {round.ProbeErrors} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Coalesced ÷ baseline: wall time {coalesced.Wall / baseline.Wall:F2}×, graceful reloads {(double)coalesced.Reloads / Math.Max(1, baseline.Reloads):F2}×.");
        text.AppendLine(culture, $"Setting up (first deploy of the {options.Instances} instances, coalesced): {deploy.TotalSeconds:F1} s, {deployReloads} graceful reloads.");
        text.AppendLine();
        text.AppendLine(culture, $"Run: `dotnet run --project bench/CentralDispatch.Bench -- redeploy --instances {options.Instances} --concurrency {options.Concurrency} --write docs/BENCHMARKS.md`.");
        return text.ToString();
    }
}
