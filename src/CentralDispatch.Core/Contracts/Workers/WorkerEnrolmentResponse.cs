using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Workers;

/// <summary>A worker plus its one-time enrolment token: the only response that ever carries the token.</summary>
public sealed record WorkerEnrolmentResponse(
    string Name,
    string HostUrl,
    string InstallPath,
    IReadOnlyList<string> Labels,
    int Capacity,
    WorkerState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt,
    string? AgentVersion,
    int InstanceCount,
    string Token)
    : WorkerResponse(Name, HostUrl, InstallPath, Labels, Capacity, State, CreatedAt, LastSeenAt, AgentVersion, InstanceCount);
