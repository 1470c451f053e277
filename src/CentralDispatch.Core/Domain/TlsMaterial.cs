namespace CentralDispatch.Core.Domain;

/// <summary>A validated certificate, its key (already encrypted for storage) and optional chain.</summary>
public sealed record TlsMaterial(string CertificatePem, string ProtectedKeyPem, string? ChainPem, DateTimeOffset NotAfter);
