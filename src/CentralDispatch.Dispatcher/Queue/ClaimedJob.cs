using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>A job just leased to a worker, with its instance.</summary>
public sealed record ClaimedJob(Job Job, ManagedInstance Instance);
