using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>What the store holds about a job at one moment: its kind, its state and all its step events with their ids.</summary>
public sealed record JobSnapshot(LiveJob Job, JobKind Kind, IReadOnlyList<long> EventIds, IReadOnlyList<StepEventResponse> Events);
