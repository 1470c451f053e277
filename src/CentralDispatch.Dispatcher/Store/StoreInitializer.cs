using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>Brings the store's schema up to date before the dispatcher serves anything.</summary>
public static class StoreInitializer
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<StoreOptions>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        if (options.Provider != StoreProvider.Sqlite)
        {
            // PostgreSQL: EF Core's migration lock is an advisory lock, released when a killed process's session ends.
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        var folderNote = DataFolder.Secure(options.DataDirectory);
        if (folderNote is not null)
        {
            StoreLog.DataFolderChanged(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreInitializer)), folderNote);
        }

        // SQLite gives the -wal and -shm files it creates later the mode of the database file: 0600 makes them 0600.
        var database = options.SqlitePath;
        DataFolder.SecureFiles(create: true, database, database + "-wal", database + "-shm", database + "-journal");
        // EF Core's SQLite migration lock is a table row: a process killed while migrating leaves it behind and every
        // later start waits for ever. An OS file lock (released with its process) decides who migrates; whoever holds
        // it knows any lock row left in the store is stale.
        await using (await LockFileAsync(Path.Combine(options.DataDirectory, "migrate.lock"), cancellationToken))
        {
            await ClearStaleMigrationLockAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        // WAL lets readers (the UI, long-polls) proceed while a writer commits; it persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // On Linux, FileShare.None is an exclusive flock: another process gets an IOException until we close it.
                var lockFile = new FileStream(path, DataFolder.PrivateFileOptions(FileAccess.ReadWrite, FileShare.None));
                DataFolder.SecureFiles(create: false, path);
                return lockFile;
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(LockPoll, cancellationToken);
            }
        }
    }

    private static async Task ClearStaleMigrationLockAsync(DispatchDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
