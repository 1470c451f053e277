using CentralDispatch.Worker.Provisioning;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>A step that "takes" a given time on the fake clock.</summary>
public sealed class ClockAdvancingStep(string name, FakeTimeProvider time, TimeSpan takes) : IProvisioningStep
{
    public string Name { get; } = name;

    public Task ApplyAsync(StepContext context)
    {
        time.Advance(takes);
        return Task.CompletedTask;
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
