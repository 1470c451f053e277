using CentralDispatch.Worker.Provisioning.Removal;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Provisioning.Decommission;

/// <summary>
/// Decommission: archive first (verified), then adopt everything of the instance that carries its tag and remove it in
/// back-out order. An archive that cannot be written or verified fails the job before anything is adopted or removed.
/// </summary>
public static class DecommissionPlan
{
    public const string Name = "Decommission";

    public static ProvisioningPlan Create(IServiceProvider services) =>
        new(Name, [services.GetRequiredService<ArchiveStep>(), .. RemovalPlans.AdoptSteps(services)]) { EndsWithRemoval = true };

    public static IServiceCollection AddDecommissionSteps(this IServiceCollection services)
    {
        services.AddTransient<ArchiveStep>();
        return services;
    }
}
