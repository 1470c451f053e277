using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>The store on PostgreSQL, for several dispatcher replicas sharing one store.</summary>
public sealed class PostgresDispatchDbContext(DbContextOptions<PostgresDispatchDbContext> options) : DispatchDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Postgres;
}
