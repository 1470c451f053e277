using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The dispatcher's acknowledgement of a completion: the job's final state. The worker may drop its journal then.</summary>
public sealed record CompleteResponse(long JobId, JobState State);
