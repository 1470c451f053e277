using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>Runs the real step's Apply, then fails: its real resources exist and are journaled, so rollback must remove them.</summary>
public sealed class FailAfterApplyStep(IProvisioningStep inner) : IProvisioningStep, IAfterRollback
{
    public const string Message = "injected failure after the step applied";

    public string Name => inner.Name;

    public TimeSpan? Timeout => inner.Timeout;

    public async Task ApplyAsync(StepContext context)
    {
        await inner.ApplyAsync(context);
        throw new InvalidOperationException(Message);
    }

    public Task<bool> VerifyAsync(StepContext context) => inner.VerifyAsync(context);

    public Task RollbackAsync(ResourceId resource, StepContext context) => inner.RollbackAsync(resource, context);

    public Task AfterRollbackAsync(StepContext context) => inner is IAfterRollback after ? after.AfterRollbackAsync(context) : Task.CompletedTask;
}
