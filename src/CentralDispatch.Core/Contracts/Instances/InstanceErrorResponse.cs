namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>The last failure of an instance: failing step, message and what rollback could not remove.</summary>
public sealed record InstanceErrorResponse(string Step, string Message, IReadOnlyList<string> Leftovers, long? JobId);
