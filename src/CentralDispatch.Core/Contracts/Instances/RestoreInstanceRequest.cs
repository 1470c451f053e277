namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>
/// Optional body of POST /api/v1/instances/{name}/restore. Everything empty restores the archived instance under its own
/// name, host names and certificate; a new name makes a new instance from the archive (the archived one stays Archived).
/// </summary>
public sealed record RestoreInstanceRequest(
    string? Name = null,
    string? Hostname = null,
    List<string?>? Aliases = null,
    string? CertificatePem = null,
    string? KeyPem = null,
    string? ChainPem = null);
