namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>
/// The instance fields a worker needs for a job. Names derived from the instance's name (database, database user,
/// webroot) are not sent: the worker derives them itself (<see cref="Domain.DerivedNames"/>, its own install path),
/// the one source of what is on its host.
/// </summary>
public sealed record InstancePayload(
    string Name,
    string Hostname,
    IReadOnlyList<string> Aliases,
    string Release,
    string BackendEmail,
    TlsPayload? Tls);
