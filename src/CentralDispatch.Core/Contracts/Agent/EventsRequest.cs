namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>A batch of step events for a running job.</summary>
public sealed record EventsRequest(int Attempt, Guid LeaseToken, List<StepEventReport>? Events) : ILeasedRequest;
