namespace CentralDispatch.Worker.Machine.Http;

/// <summary>
/// What a probe saw: the status (null when no HTTP answer came), the served certificate's SHA-256 thumbprint (HTTPS),
/// whether the probe passed, and why not.
/// </summary>
public sealed record ProbeResult(bool Succeeded, int? StatusCode, string? CertificateThumbprint, string? Body, string? Failure);
