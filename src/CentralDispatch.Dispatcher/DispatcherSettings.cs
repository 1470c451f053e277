namespace CentralDispatch.Dispatcher;

/// <summary>What `dispatch serve` passes in: where to listen and where the store is.</summary>
public sealed record DispatcherSettings(string DataDirectory, string? Database = null, string? Urls = null, string[]? Args = null);
