using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class RecruitConfiguration : IEntityTypeConfiguration<Recruit>
{
    public void Configure(EntityTypeBuilder<Recruit> b)
    {
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.Mobile).HasMaxLength(11);
        b.HasIndex(r => r.MemberId).IsUnique();
        // A step updates "where the stage is still what was read": two people advancing at once cannot both succeed.
        b.Property(r => r.Stage).IsConcurrencyToken();
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecruitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RecruitStepConfiguration : IEntityTypeConfiguration<RecruitStep>
{
    public void Configure(EntityTypeBuilder<RecruitStep> b)
    {
        b.Property(s => s.Note).HasMaxLength(200);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => s.RecruitId);
    }
}
