using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>The real VirtualHost step, then a directive Apache does not know appended: its config test must fail.</summary>
public sealed class BrokenVirtualHostStep(IProvisioningStep inner, string vhostFile) : IProvisioningStep
{
    public string Name => inner.Name;

    public async Task ApplyAsync(StepContext context)
    {
        await inner.ApplyAsync(context);
        await File.AppendAllTextAsync(vhostFile, "\nNoSuchDirective on\n", context.CancellationToken);
    }

    public Task<bool> VerifyAsync(StepContext context) => inner.VerifyAsync(context);

    public Task RollbackAsync(ResourceId resource, StepContext context) => inner.RollbackAsync(resource, context);
}
