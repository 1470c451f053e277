using System.Diagnostics;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Bench.DeployLatency;

/// <summary>
/// A real dispatcher (SQLite) and a real sandbox worker in this process; instances are created one after another
/// through the API and each is timed from the create request to the first HTTPS 200 its site gives (SNI through
/// 127.0.0.1, with the instance's own certificate). The baseline, measured after each deploy on the same Apache, is one
/// config test + graceful reload: the web server's own share of any deploy.
/// </summary>
public static class DeployLatencyBench
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<string> RunAsync(DeployLatencyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new WorkerOptions();
        await using var dispatcher = await DispatcherTestHost.StartAsync(new() { LogLevel = LogLevel.None }, cancellationToken);
        using var admin = BenchClient.Create(dispatcher.BaseAddress, dispatcher.AdminToken);
        await using var worker = await SandboxWorker.StartAsync(dispatcher.BaseAddress, admin, "latency", defaults.Concurrency, defaults.ReloadCoalescingWindow, cancellationToken);
        var probe = new LocalSiteProbe(TimeProvider.System);

        // The first deploy pays for JIT and cold caches, which a long-running worker pays once; it is not counted.
        using (var warmUp = PlannedInstance.Create("warm-up", worker.Name))
        {
            await DeployAsync(admin, worker, probe, warmUp, cancellationToken);
        }

        var measurements = new List<DeployMeasurement>();
        for (var i = 1; i <= options.Deploys; i++)
        {
            using var planned = PlannedInstance.Create($"lat-{i:D3}", worker.Name);
            var measurement = await DeployAsync(admin, worker, probe, planned, cancellationToken);
            Console.Error.WriteLine($"deploy-latency: {i}/{options.Deploys}: first 200 after {measurement.FirstOkMs:F0} ms, reload baseline {measurement.BaselineMs:F0} ms");
            measurements.Add(measurement);
        }

        return DeployLatencyReport.Format(options, defaults, measurements);
    }

    private static async Task<DeployMeasurement> DeployAsync(HttpClient admin, SandboxWorker worker, LocalSiteProbe probe, PlannedInstance planned,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await admin.CreateInstanceAsync(planned.Request, cancellationToken);
        var firstOk = await FirstOkAsync(admin, worker, probe, planned, started, cancellationToken);
        var instance = await admin.GetInstanceAsync(planned.Name, cancellationToken);
        while (instance.State != InstanceState.Active)
        {
            instance.EnsureNotFailed();
            EnsurePatience(started, planned, "to become Active");
            await Task.Delay(ProbeInterval, cancellationToken);
            instance = await admin.GetInstanceAsync(planned.Name, cancellationToken);
        }

        var active = Stopwatch.GetElapsedTime(started);
        var job = await admin.GetJobAsync(instance.CurrentJob!.Id, cancellationToken);
        var steps = job.Steps
            .Where(s => s.Phase == StepPhase.Succeeded && s.DurationMs is not null)
            .Select(s => (s.Step, s.DurationMs!.Value))
            .ToList();
        var queued = ((job.StartedAt ?? job.CreatedAt) - job.CreatedAt).TotalMilliseconds;
        var baseline = await TestAndReloadAsync(worker.WebServer, cancellationToken);
        return new DeployMeasurement(firstOk.TotalMilliseconds, active.TotalMilliseconds, queued, baseline.TotalMilliseconds, steps);
    }

    /// <summary>Probes the site until it answers 200 with the instance's certificate; before that the catch-all site (another certificate) or nothing answers.</summary>
    private static async Task<TimeSpan> FirstOkAsync(HttpClient admin, SandboxWorker worker, LocalSiteProbe probe, PlannedInstance planned, long started,
        CancellationToken cancellationToken)
    {
        var lastStateCheck = started;
        while (true)
        {
            var result = await probe.ProbeHttpsAsync(planned.Hostname, worker.HttpsPort, planned.Certificate, ProbeTimeout, cancellationToken);
            if (result.Succeeded)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            // A failed deploy would otherwise be probed until the patience runs out.
            if (Stopwatch.GetElapsedTime(lastStateCheck) > TimeSpan.FromSeconds(1))
            {
                (await admin.GetInstanceAsync(planned.Name, cancellationToken)).EnsureNotFailed();
                lastStateCheck = Stopwatch.GetTimestamp();
            }

            EnsurePatience(started, planned, $"to answer 200 (last: {result.Failure})");
            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    private static async Task<TimeSpan> TestAndReloadAsync(IWebServerControl webServer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var test = await webServer.TestConfigAsync(cancellationToken);
        if (!test.Passed)
        {
            throw new InvalidOperationException($"The sandbox Apache's config test failed: {test.Output}");
        }

        await webServer.ReloadAsync(cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    private static void EnsurePatience(long started, PlannedInstance planned, string what)
    {
        if (Stopwatch.GetElapsedTime(started) > Patience)
        {
            throw new TimeoutException($"Instance {planned.Name} took more than {Patience.TotalMinutes:0} min {what}.");
        }
    }
}
