using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Dispatcher.Tests.Store;

/// <summary>Runs the store initializer as a dispatcher's start does (its own services and connections), and reads what it applied.</summary>
public static class StoreMigrations
{
    public static async Task MigrateAsync(StoreOptions store, CancellationToken cancellationToken = default)
    {
        await using var services = Services(store);
        await StoreInitializer.MigrateAsync(services, cancellationToken);
    }

    /// <summary>Two initializers on the one store at the same time, as two dispatchers started together; both tasks, for the test to inspect.</summary>
    public static async Task<(Task First, Task Second)> MigrateTwiceAtOnceAsync(StoreOptions store)
    {
        using var start = new ManualResetEventSlim();
        var first = Task.Run(() => { start.Wait(); return MigrateAsync(store); });
        var second = Task.Run(() => { start.Wait(); return MigrateAsync(store); });
        start.Set();
        try
        {
            await Task.WhenAll(first, second);
        }
        catch (Exception)
        {
            // The test looks at each task: which failed, and why.
        }

        return (first, second);
    }

    /// <summary>Both initializers ended without an error, and the store's history lists every migration the code has, once, in order.</summary>
    public static async Task AssertBothSucceededAndEachMigrationAppliedOnceAsync(StoreOptions store, Task first, Task second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Assert.True(first.IsCompletedSuccessfully, first.Exception?.ToString());
        Assert.True(second.IsCompletedSuccessfully, second.Exception?.ToString());
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        var known = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(known);
        Assert.Equal(known, await db.Database.GetAppliedMigrationsAsync());
    }

    private static ServiceProvider Services(StoreOptions store) => new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddDispatchStore(store)
        .BuildServiceProvider();
}
