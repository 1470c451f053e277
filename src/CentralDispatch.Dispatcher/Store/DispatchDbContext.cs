using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Store;

/// <summary>The dispatcher's store. One model; a subclass per provider carries that provider's migrations.</summary>
public abstract class DispatchDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<ManagedInstance> Instances => Set<ManagedInstance>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<StepEvent> StepEvents => Set<StepEvent>();
    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract StoreProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DispatchDbContext).Assembly);
    }
}
