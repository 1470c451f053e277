namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Optional body of a claim: how long to wait for work (the dispatcher caps it).</summary>
public sealed record ClaimRequest(int? WaitSeconds = null);
