using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>
/// The adopt steps shared by the plans that remove an instance: one per Deploy step that makes something, in Deploy
/// order, so the removal (the reverse) is cron, site link + reload, vhost and logs, certificates, webroot, database,
/// database user and secrets file.
/// </summary>
public static class RemovalPlans
{
    public const string BackOutName = "BackOut";

    /// <summary>Back-out without a journal: removes exactly what carries the instance's tag, and lists the rest.</summary>
    public static ProvisioningPlan BackOutByTags(IServiceProvider services) => new(BackOutName, AdoptSteps(services)) { EndsWithRemoval = true };

    public static IReadOnlyList<IProvisioningStep> AdoptSteps(IServiceProvider services)
    {
        var finder = services.GetRequiredService<OwnedResources>();
        var options = services.GetRequiredService<IOptions<WorkerOptions>>();
        AdoptStep Adopt<T>(ReloadCoordinator? reload = null) where T : IProvisioningStep =>
            new(services.GetRequiredService<T>(), finder, options, reload);
        return
        [
            Adopt<DatabaseUserStep>(),
            Adopt<DatabaseStep>(),
            Adopt<WebrootStep>(),
            Adopt<CertificatesStep>(),
            Adopt<VirtualHostStep>(),
            Adopt<EnableSiteStep>(services.GetRequiredService<ReloadCoordinator>()),
            Adopt<CronStep>(),
        ];
    }

    public static IServiceCollection AddRemovalSteps(this IServiceCollection services)
    {
        services.AddTransient<OwnedResources>();
        return services;
    }
}
