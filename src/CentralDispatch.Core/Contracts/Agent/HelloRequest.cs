namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The first call of a worker agent: who it is and what it can do.</summary>
public sealed record HelloRequest(string? AgentVersion, string? Hostname, int? Concurrency = null, Dictionary<string, string>? Facts = null);
