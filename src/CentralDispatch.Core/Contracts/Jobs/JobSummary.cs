using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Jobs;

/// <summary>A job without its step events, for lists.</summary>
public sealed record JobSummary(
    long Id,
    string Instance,
    JobKind Kind,
    JobState State,
    int Attempt,
    bool CancelRequested,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
