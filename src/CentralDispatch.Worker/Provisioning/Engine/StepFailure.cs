namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Why a guarded piece of step code did not complete: its message, the exception, and whether the job was cancelled.</summary>
internal sealed record StepFailure(string Message, Exception? Exception, bool Cancelled);
