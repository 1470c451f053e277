using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without starting the dispatcher.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDispatchDbContext>
{
    public SqliteDispatchDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteDispatchDbContext>();
        StoreRegistration.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteDispatchDbContext(builder.Options);
    }
}
