using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>The store on an embedded SQLite file (the default).</summary>
public sealed class SqliteDispatchDbContext(DbContextOptions<SqliteDispatchDbContext> options) : DispatchDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type; as 64-bit numbers, UTC times compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<TimeSpanToTicksConverter>();
    }
}
