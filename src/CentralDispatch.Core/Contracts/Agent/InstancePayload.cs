namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>The instance fields a worker needs for a job. Derived names are included so both sides agree on them.</summary>
public sealed record InstancePayload(
    string Name,
    string Hostname,
    IReadOnlyList<string> Aliases,
    string Release,
    string BackendEmail,
    string Database,
    string DatabaseUser,
    TlsPayload? Tls);
