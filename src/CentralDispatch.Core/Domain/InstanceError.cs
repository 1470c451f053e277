namespace CentralDispatch.Core.Domain;

/// <summary>What went wrong in the last job: the failing step, its message, and what rollback could not remove.</summary>
public sealed record InstanceError(string Step, string Message, IReadOnlyList<string> Leftovers, long? JobId = null);
