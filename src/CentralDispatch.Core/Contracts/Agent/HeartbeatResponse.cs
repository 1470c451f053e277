namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The new lease expiry, and whether an admin asked the job to stop.</summary>
public sealed record HeartbeatResponse(DateTimeOffset LeaseExpiresAt, bool CancelRequested);
