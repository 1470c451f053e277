using CentralDispatch.Dispatcher.Store;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>
/// Where the Data Protection keys that encrypt TLS private keys at rest are kept (the SQLite store's 0700 key folder, or
/// the PostgreSQL store), and the certificate they are encrypted with (required on PostgreSQL).
/// </summary>
public static class KeyRing
{
    public static void AddKeyRing(this IServiceCollection services, IConfiguration configuration, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).Configure(o => o.Store = store.Provider).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        var protection = services.AddDataProtection().SetApplicationName("CentralDispatch");
        // Data Protection takes the certificate itself, at registration; one that cannot be read is left out here and
        // reported, naming its key, by the validator when the dispatcher starts.
        if (TryLoadCertificate(configuration) is { } certificate)
        {
            // Also registers it for decryption, so no X.509 store is needed (Linux has no machine store to put it in).
            protection.ProtectKeysWithCertificate(certificate);
        }

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

    private static X509Certificate2? TryLoadCertificate(IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>();
        if (options is null || !options.HasCertificate)
        {
            return null;
        }

        try
        {
            return KeyRingCertificate.Load(options);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Folder(StoreOptions store) => Path.Combine(store.DataDirectory, "keys");
}
