using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>Brings the store's schema up to date before the dispatcher serves anything.</summary>
public static class StoreInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<StoreOptions>();
        if (options.Provider == StoreProvider.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == StoreProvider.Sqlite)
        {
            // WAL lets readers (the UI, long-polls) proceed while a writer commits; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
