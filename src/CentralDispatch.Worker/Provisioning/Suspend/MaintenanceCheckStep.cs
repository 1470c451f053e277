using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Suspend's last step: the site must answer 503 with its maintenance page (any path), served by its own vhost.</summary>
public sealed class MaintenanceCheckStep(IOptions<WorkerOptions> options, LocalSiteProbe probe) : IProvisioningStep
{
    public const string StepName = "MaintenanceCheck";

    public string Name => StepName;

    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan? Timeout => Patience + SiteChecks.ProbeTimeout + TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await SiteChecks.ProbeUntilAsync(context, options.Value, probe, null, IsMaintenancePage, Patience);
        if (!IsMaintenancePage(result))
        {
            throw new InvalidOperationException(
                $"The site {context.Instance.Hostname} does not answer 503 with its maintenance page: {result.Failure ?? $"it answered {result.StatusCode}"}");
        }

        context.Summary = "the site answers 503 with its maintenance page";
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    public static bool IsMaintenancePage(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.StatusCode == 503 && result.Body?.Contains(MaintenanceMode.PageTitle, StringComparison.Ordinal) == true;
    }
}
