namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Certificate, decrypted key and optional chain: only ever inside a job assignment to the owning worker.</summary>
public sealed record TlsPayload(string CertificatePem, string KeyPem, string? ChainPem)
{
    // The key must never reach a log line through a record's generated ToString.
    public override string ToString() => $"TlsPayload {{ CertificatePem = {CertificatePem.Length} chars, KeyPem = (hidden), ChainPem = {(ChainPem is null ? "none" : "present")} }}";
}
