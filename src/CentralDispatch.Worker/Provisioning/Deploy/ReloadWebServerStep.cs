using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 7: config test, then a graceful reload only if it passed (coalesced with other jobs' reloads). A failing test
/// leaves the running sites untouched. After a rollback that removed a site Apache had loaded, it reloads again.
/// </summary>
public sealed class ReloadWebServerStep(ReloadCoordinator reloads) : IProvisioningStep, IAfterRollback
{
    private const string ReloadedNote = "webserver.reloaded";

    public string Name => DeployStepNames.ReloadWebServer;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await reloads.RequestReloadAsync(context.CancellationToken);
        await context.Notes.SetAsync(ReloadedNote, "true");
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    public async Task AfterRollbackAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Apache serves our site only if our reload went through; otherwise its running config never had it.
        if (context.Notes.Get(ReloadedNote) == "true")
        {
            await reloads.RequestReloadAsync(context.CancellationToken);
        }
    }
}
