namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The first call of a worker agent: who it is and what it can do.</summary>
public sealed record HelloRequest(string? AgentVersion, string? Hostname, int? Concurrency = null, Dictionary<string, string>? Facts = null)
{
    /// <summary>
    /// The fact that carries the worker's install path (its own configuration, Worker:Paths:InstallPath): webroots are
    /// made under it, so the dispatcher shows them under it too instead of the path typed at registration.
    /// </summary>
    public const string InstallPathFact = "installPath";
}
