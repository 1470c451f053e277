namespace CentralDispatch.Dispatcher.Application;

/// <summary>Filters and paging of the instance list, as given in the query string (validated by the service).</summary>
public sealed record InstanceQuery(
    string? State = null,
    string? Worker = null,
    string? Q = null,
    int? ExpiringWithinDays = null,
    int? Page = null,
    int? PageSize = null);
