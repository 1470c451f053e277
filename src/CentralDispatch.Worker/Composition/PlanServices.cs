using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Removal;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Composition;

/// <summary>Registers the steps of every plan the worker runs (stateless; one of each per job).</summary>
public static class PlanServices
{
    public static IServiceCollection AddWorkerPlans(this IServiceCollection services)
    {
        services.AddDeploySteps();
        services.AddRemovalSteps();
        services.AddDecommissionSteps();
        return services;
    }
}
