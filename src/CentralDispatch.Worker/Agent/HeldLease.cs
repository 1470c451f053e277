namespace CentralDispatch.Worker.Agent;

/// <summary>The lease this worker last held on a job: what a completion after a restart must carry.</summary>
public sealed record HeldLease(long JobId, int Attempt, Guid LeaseToken, DateTimeOffset LeaseExpiresAt);
