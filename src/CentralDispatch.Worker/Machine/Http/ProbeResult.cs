namespace CentralDispatch.Worker.Machine.Http;

/// <summary>
/// What a probe saw: the status (null when no HTTP answer came), the served certificate's SHA-256 thumbprint (HTTPS),
/// whether the probe passed, and why not; <see cref="Answer"/> says what was asked and answered ("GET https://shop/ → 302 to /install/").
/// </summary>
public sealed record ProbeResult(bool Succeeded, int? StatusCode, string? CertificateThumbprint, string? Body, string? Failure, string? Answer = null);
