using CentralDispatch.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CentralDispatch.Dispatcher.Store.Configurations;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.ToTable("workers");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(32).IsRequired();
        builder.HasIndex(w => w.Name).IsUnique().HasFilter("removed_at IS NULL");
        builder.Property(w => w.HostUrl).HasMaxLength(2048).IsRequired();
        builder.Property(w => w.InstallPath).HasMaxLength(255).IsRequired();
        builder.Property(w => w.Labels);
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.AgentVersion).HasMaxLength(64);
        builder.Property(w => w.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(w => w.TokenHash).IsUnique();
        builder.Ignore(w => w.AcceptsNewInstances);
    }
}
