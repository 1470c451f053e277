using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Provisioning.Redeploy;
using CentralDispatch.Worker.Provisioning.Resources;
using CentralDispatch.Worker.Provisioning.Rotate;
using CentralDispatch.Worker.Provisioning.Suspend;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CentralDispatch.Worker.Composition;

/// <summary>
/// Registers the plans, one per job kind, and what they are made of: the steps and the host resources. All are stateless
/// and built once, by their constructors; a plan composes its steps in its own constructor.
/// </summary>
public static class PlanServices
{
    public static IServiceCollection AddWorkerPlans(this IServiceCollection services)
    {
        AddHostResources(services);
        AddSteps(services);
        AddJobPlans(services);
        services.TryAddSingleton<WorkerPlanFactory>();
        services.TryAddSingleton<IPlanFactory>(provider => provider.GetRequiredService<WorkerPlanFactory>());
        return services;
    }

    /// <summary>
    /// Every <see cref="IJobPlan"/> of the worker, under its own type and as an <see cref="IJobPlan"/>: a new job kind's
    /// plan class needs no line here. <see cref="WorkerPlanFactory"/> refuses two plans for one kind.
    /// </summary>
    private static void AddJobPlans(IServiceCollection services)
    {
        var plans = typeof(IJobPlan).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IJobPlan)));
        foreach (var plan in plans)
        {
            services.TryAddSingleton(plan);
            services.AddSingleton(typeof(IJobPlan), provider => provider.GetRequiredService(plan));
        }
    }

    /// <summary>Every <see cref="HostResource"/> of the worker, each under its own type: a new resource class needs no line here.</summary>
    private static void AddHostResources(IServiceCollection services)
    {
        var resources = typeof(HostResource).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(HostResource)));
        foreach (var resource in resources)
        {
            services.TryAddSingleton(resource);
        }
    }

    private static void AddSteps(IServiceCollection services)
    {
        services.TryAddSingleton<ReloadWebServerStep>();
        services.TryAddSingleton<HealthCheckStep>();
        services.TryAddSingleton<RedeployPreflightStep>();
        services.TryAddSingleton<SwitchStep>();
        services.TryAddSingleton<RemovePreviousTreeStep>();
        services.TryAddSingleton<MaintenanceOnStep>();
        services.TryAddSingleton<MaintenanceOffStep>();
        services.TryAddSingleton<CronSuspendStep>();
        services.TryAddSingleton<CronResumeStep>();
        services.TryAddSingleton<MaintenanceCheckStep>();
        services.TryAddSingleton<RotationPreflightStep>();
        services.TryAddSingleton<StageCertificatesStep>();
        services.TryAddSingleton<SwapCertificatesStep>();
        services.TryAddSingleton<VirtualHostRewriteStep>();
        services.TryAddSingleton<CertificateCheckStep>();
        services.TryAddSingleton<RemoveBackupsStep>();
        services.TryAddSingleton<ArchiveStep>();
    }
}
