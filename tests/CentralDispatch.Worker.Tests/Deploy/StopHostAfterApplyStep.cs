using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>Applies the real step, then signals host shutdown, as SIGTERM would in the middle of a job.</summary>
public sealed class StopHostAfterApplyStep(IProvisioningStep inner, CancellationTokenSource stopping) : IProvisioningStep
{
    public string Name => inner.Name;

    public async Task ApplyAsync(StepContext context)
    {
        await inner.ApplyAsync(context);
        await stopping.CancelAsync();
    }

    public Task<bool> VerifyAsync(StepContext context) => inner.VerifyAsync(context);

    public Task RollbackAsync(ResourceId resource, StepContext context) => inner.RollbackAsync(resource, context);
}
