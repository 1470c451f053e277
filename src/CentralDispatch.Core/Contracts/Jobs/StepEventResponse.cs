using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Jobs;

/// <summary>One reported step event.</summary>
public sealed record StepEventResponse(int Attempt, string Step, StepPhase Phase, DateTimeOffset At, double? DurationMs, string? Message);
