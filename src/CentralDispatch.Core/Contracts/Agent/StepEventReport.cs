using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>One step event as the worker reports it.</summary>
public sealed record StepEventReport(string? Step, StepPhase Phase, DateTimeOffset At, double? DurationMs = null, string? Message = null);
