using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>A fake step with an after-rollback action, like ReloadWebServer's reload once the site's files are gone.</summary>
public sealed class ReloadingFakeStep(string name, FakeHost host) : FakeStep(name, host), IAfterRollback
{
    private readonly FakeHost _host = host;

    public bool ReloadFails { get; set; }

    public Task AfterRollbackAsync(StepContext context)
    {
        _host.Log($"after-rollback:{Name}");
        return ReloadFails ? throw new InvalidOperationException("reload failed: config test failed") : Task.CompletedTask;
    }
}
