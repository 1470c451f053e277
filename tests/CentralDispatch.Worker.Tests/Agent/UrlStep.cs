using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>Reports the instance's URL the way a real health-check step will: through the job's facts.</summary>
public sealed class UrlStep : IProvisioningStep
{
    public string Name => "HealthCheck";

    public static Uri UrlOf(string hostname) => new($"https://{hostname}:8443/");

    public Task ApplyAsync(StepContext context) => context.ReportUrlAsync(UrlOf(context.Instance.Hostname));

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
