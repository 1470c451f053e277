namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The failing step, its message (stderr included) and what rollback could not remove.</summary>
public sealed record JobErrorReport(string? Step, string? Message, List<string>? Leftovers = null);
