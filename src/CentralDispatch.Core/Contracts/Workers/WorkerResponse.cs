using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Workers;

/// <summary>A worker as the API shows it; never its token.</summary>
public record WorkerResponse(
    string Name,
    string HostUrl,
    string InstallPath,
    IReadOnlyList<string> Labels,
    int Capacity,
    WorkerState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt,
    string? AgentVersion,
    int InstanceCount);
