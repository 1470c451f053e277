using CentralDispatch.Core.Contracts.Jobs;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>What the store holds about a job at one moment: its state and all its step events with their ids.</summary>
public sealed record JobSnapshot(LiveJob Job, IReadOnlyList<long> EventIds, IReadOnlyList<StepEventResponse> Events);
