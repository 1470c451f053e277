using CentralDispatch.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CentralDispatch.Dispatcher.Store.Configurations;

internal sealed class StepEventConfiguration : IEntityTypeConfiguration<StepEvent>
{
    public void Configure(EntityTypeBuilder<StepEvent> builder)
    {
        builder.ToTable("step_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Step).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Message).HasMaxLength(8000);
        builder.HasOne<Job>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.JobId, e.Id });
    }
}
