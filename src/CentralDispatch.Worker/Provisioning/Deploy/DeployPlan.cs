using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The Deploy plan: the exact reverse of the old seven-step manual back-out, with preflight and health check.</summary>
public static class DeployPlan
{
    public const string Name = "Deploy";

    public static ProvisioningPlan Create(IServiceProvider services) => new(Name,
    [
        services.GetRequiredService<PreflightStep>(),
        services.GetRequiredService<DatabaseUserStep>(),
        services.GetRequiredService<DatabaseStep>(),
        services.GetRequiredService<WebrootStep>(),
        services.GetRequiredService<CertificatesStep>(),
        services.GetRequiredService<VirtualHostStep>(),
        services.GetRequiredService<EnableSiteStep>(),
        services.GetRequiredService<ReloadWebServerStep>(),
        services.GetRequiredService<CronStep>(),
        services.GetRequiredService<HealthCheckStep>(),
    ]);

    /// <summary>Registers the deploy steps (stateless; one of each per job).</summary>
    public static IServiceCollection AddDeploySteps(this IServiceCollection services)
    {
        services.AddTransient<ReleaseTrees>();
        services.AddTransient<PreflightStep>();
        services.AddTransient<DatabaseUserStep>();
        services.AddTransient<DatabaseStep>();
        services.AddTransient<WebrootStep>();
        services.AddTransient<CertificatesStep>();
        services.AddTransient<VirtualHostStep>();
        services.AddTransient<EnableSiteStep>();
        services.AddTransient<ReloadWebServerStep>();
        services.AddTransient<CronStep>();
        services.AddTransient<HealthCheckStep>();
        return services;
    }
}
