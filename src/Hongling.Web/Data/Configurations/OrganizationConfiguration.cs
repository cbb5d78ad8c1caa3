using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(24);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Path).HasMaxLength(400);
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.Path).IsUnique();
        b.HasIndex(o => o.ParentId);
        b.Property(o => o.Introduction).HasMaxLength(8000);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(20);
        b.Property(o => o.ProfileUpdatedBy).HasMaxLength(100);
        b.HasOne(o => o.Secretary).WithMany().HasForeignKey(o => o.SecretaryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
