using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDispatchDbContext>
{
    public PostgresDispatchDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresDispatchDbContext>();
        StoreRegistration.ConfigurePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresDispatchDbContext(builder.Options);
    }
}
