namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Extends the lease of a running job.</summary>
public sealed record HeartbeatRequest(int Attempt, Guid LeaseToken) : ILeasedRequest;
