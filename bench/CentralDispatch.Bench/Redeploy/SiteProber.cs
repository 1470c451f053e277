using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Bench.Redeploy;

/// <summary>Asks one site after the other (round robin) every 50 ms, through the worker's Apache; counts answers that are not 2xx/3xx.</summary>
public static class SiteProber
{
    public static Task<(int Probes, int Errors)> RunAsync(WorkerOptions worker, IReadOnlyList<string> hostnames, CancellationToken stop) => Task.Run(async () =>
    {
        var probe = new LocalSiteProbe(TimeProvider.System);
        var probes = 0;
        var errors = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var result = await probe.ProbeHttpsAsync(hostnames[probes % hostnames.Count], worker.WebServer.HttpsPort, null, TimeSpan.FromSeconds(5),
                    CancellationToken.None);
                probes++;
                if (result.StatusCode is not (>= 200 and < 400))
                {
                    errors++;
                    Console.Error.WriteLine($"redeploy bench: probe of {hostnames[(probes - 1) % hostnames.Count]}: {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"} {result.Failure}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The bulk redeploy is over.
        }

        return (probes, errors);
    });
}
