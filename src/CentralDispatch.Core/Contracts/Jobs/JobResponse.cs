using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Jobs;

/// <summary>A job with its step events in the order they happened.</summary>
public sealed record JobResponse(
    long Id,
    string Instance,
    string Worker,
    JobKind Kind,
    JobState State,
    int Attempt,
    bool CancelRequested,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? RequestedBy,
    IReadOnlyList<StepEventResponse> Steps);
