using CentralDispatch.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CentralDispatch.Dispatcher.Store.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedOnAdd();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(24);
        // State, attempt and lease token are the fence: every update says which values it expects.
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(j => j.Attempt).IsConcurrencyToken();
        builder.Property(j => j.LeaseToken).IsConcurrencyToken();
        builder.Property(j => j.LeaseOwner).HasMaxLength(64);
        builder.Property(j => j.RequestedBy).HasMaxLength(254);
        builder.HasOne<ManagedInstance>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Worker>().WithMany().HasForeignKey(j => j.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // At most one unfinished job per instance, enforced by the store itself.
        builder.HasIndex(j => j.InstanceId).IsUnique().HasFilter("state IN ('Queued', 'Running')")
            .HasDatabaseName("ix_jobs_one_unfinished_per_instance");
        builder.HasIndex(j => new { j.InstanceId, j.Id });
        builder.HasIndex(j => new { j.WorkerId, j.State, j.Id });
        builder.HasIndex(j => new { j.State, j.LeaseExpiresAt });
        builder.Ignore(j => j.IsFinished);
    }
}
