namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>Body of POST /api/v1/instances. Worker empty means automatic placement.</summary>
public sealed record CreateInstanceRequest(
    string? Name,
    string? Hostname,
    List<string?>? Aliases = null,
    string? Worker = null,
    string? Release = null,
    string? BackendEmail = null,
    string? CertificatePem = null,
    string? KeyPem = null,
    string? ChainPem = null);
