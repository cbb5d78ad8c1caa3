using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class ThoughtReportConfiguration : IEntityTypeConfiguration<ThoughtReport>
{
    public void Configure(EntityTypeBuilder<ThoughtReport> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.CommentedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.MemberId, x.SubmittedAt });
        b.HasIndex(x => new { x.OrgPath, x.SubmittedAt });
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
