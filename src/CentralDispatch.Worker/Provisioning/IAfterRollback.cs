namespace CentralDispatch.Worker.Provisioning;

/// <summary>
/// A step with work to do once every undo of a job has run (ReloadWebServer: reload so removed sites stop being
/// served). Called only when this job started the step; it must be idempotent.
/// </summary>
public interface IAfterRollback
{
    Task AfterRollbackAsync(StepContext context);
}
