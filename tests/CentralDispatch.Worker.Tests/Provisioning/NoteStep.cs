using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>Chooses a value once (like a temporary copy path) and keeps it in the job's notes.</summary>
public sealed class NoteStep(string name, string key) : IProvisioningStep
{
    public string Name { get; } = name;
    public string? Chosen { get; private set; }

    public async Task ApplyAsync(StepContext context)
    {
        Chosen = context.Notes.Get(key);
        if (Chosen is null)
        {
            Chosen = $"/tmp/copy-{Guid.NewGuid():N}";
            await context.Notes.SetAsync(key, Chosen);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
