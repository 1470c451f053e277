using CentralDispatch.Dispatcher.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Where the Data Protection keys that encrypt TLS private keys at rest are kept.</summary>
public static class KeyRing
{
    public static void AddKeyRing(this IServiceCollection services, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var protection = services.AddDataProtection().SetApplicationName("CentralDispatch");
        if (store.Provider == StoreProvider.Postgres)
        {
            // Replicas sharing one store must share the keys that encrypt TLS private keys.
            protection.PersistKeysToDbContext<PostgresDispatchDbContext>();
        }
        else
        {
            // Created 0700 by PrepareFolder before the dispatcher starts; Data Protection writes each key file 0600.
            protection.PersistKeysToFileSystem(new DirectoryInfo(Folder(store)));
        }
    }

    /// <summary>The SQLite store's key ring folder, DATA/keys: created (or set) 0700 before any key is written.</summary>
    public static void PrepareFolder(StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider == StoreProvider.Sqlite)
        {
            DataFolder.SecureSubfolder(Folder(store));
            DataFolder.SecureFiles(create: false, [.. Directory.EnumerateFiles(Folder(store))]);
        }
    }

    private static string Folder(StoreOptions store) => Path.Combine(store.DataDirectory, "keys");
}
