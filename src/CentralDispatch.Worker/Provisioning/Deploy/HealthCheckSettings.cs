using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The health check one job runs: the worker's settings, with what the release's manifest overrides.</summary>
public sealed record HealthCheckSettings(SiteRequest Request, TimeSpan Patience)
{
    /// <summary>The worker's settings (validated at start) overridden field by field by <paramref name="release"/> (validated at Preflight).</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid (a manifest changed after Preflight); the message names it.</exception>
    public static HealthCheckSettings For(HealthCheckOptions worker, HealthCheckManifest? release)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (release?.Problems() is [var first, ..])
        {
            throw new InvalidOperationException($"The release manifest {ReleaseManifest.FileName} is invalid: {first}.");
        }

        var statuses = release?.Statuses ?? worker.Statuses;
        var accepted = HttpStatusSet.Parse(statuses, out var problem)
                       ?? throw new InvalidOperationException($"The health check's statuses {problem}.");
        var text = release?.Text ?? worker.Text;
        var patience = release?.PatienceSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : worker.Patience;
        return new HealthCheckSettings(
            new SiteRequest(release?.Path ?? worker.Path, accepted, worker.RequestTimeout, string.IsNullOrEmpty(text) ? null : text),
            patience);
    }
}
