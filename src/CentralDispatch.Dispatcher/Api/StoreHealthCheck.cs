using CentralDispatch.Dispatcher.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>Healthy when the store answers a query.</summary>
public sealed class StoreHealthCheck(DispatchDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Provider} store reachable")
            : HealthCheckResult.Unhealthy($"{db.Provider} store unreachable");
}
