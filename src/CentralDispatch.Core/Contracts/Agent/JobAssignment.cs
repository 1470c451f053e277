using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>A claimed job: the lease and everything the worker needs to run its plan, nothing more.</summary>
public sealed record JobAssignment(
    long JobId,
    int Attempt,
    Guid LeaseToken,
    DateTimeOffset LeaseExpiresAt,
    TimeSpan Lease,
    JobKind Kind,
    InstancePayload Instance,
    JobPayloadParameters Parameters);
