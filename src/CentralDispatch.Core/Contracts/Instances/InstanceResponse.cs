using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>A managed instance as the API shows it; never its private key.</summary>
public sealed record InstanceResponse(
    string Name,
    string Hostname,
    IReadOnlyList<string> Aliases,
    string Worker,
    string Release,
    string BackendEmail,
    InstanceState State,
    string? Url,
    string Webroot,
    string Database,
    string DatabaseUser,
    CertificateSummary? Certificate,
    InstanceErrorResponse? LastError,
    string? ArchivePath,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JobSummary? CurrentJob);
