namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>
/// Why a job is rolling back: the failing step (null for a requested back-out) and its message. <see cref="Removal"/>
/// marks the planned removal that ends a plan such as Decommission: a clean one is the job's success.
/// </summary>
public sealed record RollbackCause(string? FailedStep, string? Message, bool Cancelled, bool Removal = false);
