namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>Why a job is rolling back: the failing step (null for a requested back-out) and its message.</summary>
public sealed record RollbackCause(string? FailedStep, string? Message, bool Cancelled);
