namespace CentralDispatch.Core.Validation;

/// <summary>TLS input that passed validation: PEM texts as given (trimmed) and what was read from the certificate.</summary>
public sealed record ValidatedTls(
    string CertificatePem,
    string KeyPem,
    string? ChainPem,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Subject,
    string Thumbprint);
