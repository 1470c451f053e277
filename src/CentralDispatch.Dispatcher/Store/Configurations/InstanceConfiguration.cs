using CentralDispatch.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CentralDispatch.Dispatcher.Store.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<ManagedInstance>
{
    public void Configure(EntityTypeBuilder<ManagedInstance> builder)
    {
        builder.ToTable("instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(32).IsRequired();
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.Hostname).HasMaxLength(253).IsRequired();
        // A host name belongs to one live instance; archived ones let it go.
        builder.HasIndex(i => i.Hostname).IsUnique().HasFilter("state <> 'Archived'");
        builder.Property(i => i.Aliases);
        builder.Property(i => i.Release).HasMaxLength(64).IsRequired();
        builder.Property(i => i.BackendEmail).HasMaxLength(254).IsRequired();
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.StateBeforeJob).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ErrorStep).HasMaxLength(64);
        builder.Property(i => i.ErrorLeftovers);
        builder.Property(i => i.Url).HasMaxLength(2048);
        builder.Property(i => i.ArchivePath).HasMaxLength(1024);
        builder.HasOne<Worker>().WithMany().HasForeignKey(i => i.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.WorkerId, i.State });
        builder.Ignore(i => i.LastError);
        builder.Ignore(i => i.Derived);
        builder.Ignore(i => i.IsLive);
    }
}
