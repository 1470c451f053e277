namespace CentralDispatch.Dispatcher;

/// <summary>
/// What `dispatch serve` passes in: where to listen and where the store is, plus configuration values (its other flags,
/// e.g. "Transport:CertificateFile") that win over appsettings and environment variables.
/// </summary>
public sealed record DispatcherSettings(
    string DataDirectory,
    string? Database = null,
    string? Urls = null,
    string[]? Args = null,
    IReadOnlyDictionary<string, string?>? Configuration = null);
