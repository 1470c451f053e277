namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Poll and lease settings the worker must follow.</summary>
public sealed record HelloResponse(string WorkerName, string InstallPath, TimeSpan PollTimeout, TimeSpan Lease, TimeSpan HeartbeatInterval);
