using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>Registers the store for the configured provider.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddDispatchStore(this IServiceCollection services, StoreOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new StoreWriteGate(options.Provider));
        if (options.Provider == StoreProvider.Postgres)
        {
            services.AddDbContext<PostgresDispatchDbContext>(db => ConfigurePostgres(db, options.Database!));
            services.AddScoped<DispatchDbContext>(sp => sp.GetRequiredService<PostgresDispatchDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(options.SqlitePath);
            services.AddDbContext<SqliteDispatchDbContext>(db => ConfigureSqlite(db, connectionString));
            services.AddScoped<DispatchDbContext>(sp => sp.GetRequiredService<SqliteDispatchDbContext>());
        }

        return services;
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    internal static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(new SqlitePragmaInterceptor());

    internal static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
