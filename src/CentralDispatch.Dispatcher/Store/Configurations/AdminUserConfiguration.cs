using CentralDispatch.Dispatcher.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CentralDispatch.Dispatcher.Store.Configurations;

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> builder)
    {
        builder.ToTable("admin_users");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Email).HasMaxLength(254).IsRequired();
        builder.HasIndex(a => a.Email).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(512).IsRequired();
    }
}
