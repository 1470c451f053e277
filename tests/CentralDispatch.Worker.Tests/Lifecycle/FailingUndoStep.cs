using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>The real step, except that undoing any of its resources fails: what rollback or removal cannot remove is listed.</summary>
public sealed class FailingUndoStep(IProvisioningStep inner) : IProvisioningStep
{
    public const string Message = "injected failure while removing";

    public string Name => inner.Name;

    public Task ApplyAsync(StepContext context) => inner.ApplyAsync(context);

    public Task<bool> VerifyAsync(StepContext context) => inner.VerifyAsync(context);

    public Task RollbackAsync(ResourceId resource, StepContext context) => throw new IOException(Message);
}
