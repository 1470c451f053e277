namespace CentralDispatch.Core.Contracts.Workers;

/// <summary>Body of POST /api/v1/workers. Every field is checked by <see cref="Validation.WorkerRequestValidator"/>.</summary>
public sealed record RegisterWorkerRequest(
    string? Name,
    string? HostUrl,
    string? InstallPath = null,
    List<string?>? Labels = null,
    int? Capacity = null);
