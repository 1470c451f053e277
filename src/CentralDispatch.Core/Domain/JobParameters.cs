using System.Text.Json;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Core.Domain;

/// <summary>Kind-specific job input kept on the job: target release, a new certificate (key encrypted), an archive to restore.</summary>
public sealed record JobParameters(
    string? Release = null,
    string? CertificatePem = null,
    string? ProtectedKeyPem = null,
    string? ChainPem = null,
    DateTimeOffset? CertificateNotAfter = null,
    string? RestoreFromArchive = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static JobParameters FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new JobParameters() : JsonSerializer.Deserialize<JobParameters>(json, CoreJson.Options) ?? new JobParameters();

    public TlsMaterial? NewTls => CertificatePem is not null && ProtectedKeyPem is not null && CertificateNotAfter is not null
        ? new TlsMaterial(CertificatePem, ProtectedKeyPem, ChainPem, CertificateNotAfter.Value)
        : null;
}
