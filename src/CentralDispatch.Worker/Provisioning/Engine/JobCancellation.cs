namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>
/// The two outside reasons to stop, kept apart because they mean different things (CONVENTIONS rule 6):
/// <see cref="JobCancelled"/> (a cancel request or a lost lease) cancels the step in flight and rolls back;
/// <see cref="HostStopping"/> (SIGTERM) lets the step in flight finish, then stops and leaves the rest to the
/// resumed attempt. Per-step and per-undo timeouts are made by the runner.
/// </summary>
public readonly record struct JobCancellation(CancellationToken JobCancelled, CancellationToken HostStopping)
{
    public static JobCancellation None => default;
}
