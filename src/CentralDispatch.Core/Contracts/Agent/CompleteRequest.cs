using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The end of a job: its outcome, the error if any, and facts about what exists now.</summary>
public sealed record CompleteRequest(
    int Attempt,
    Guid LeaseToken,
    JobState Outcome,
    JobErrorReport? Error = null,
    JobFactsReport? Facts = null) : ILeasedRequest;
