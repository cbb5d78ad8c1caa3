using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.Property(n => n.Title).HasMaxLength(100);
        b.Property(n => n.Body).HasMaxLength(100_000);
        b.Property(n => n.AudiencePath).HasMaxLength(400);
        b.Property(n => n.PublishedBy).HasMaxLength(100);
        b.HasIndex(n => new { n.OrgPath, n.PublishedAt });
        b.HasIndex(n => n.AudiencePath);
        b.HasOne(n => n.Organization).WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NoticeReadConfiguration : IEntityTypeConfiguration<NoticeRead>
{
    public void Configure(EntityTypeBuilder<NoticeRead> b)
    {
        // One receipt per member and notice: the key makes a second read a no-op.
        b.HasKey(r => new { r.NoticeId, r.MemberId });
        b.HasIndex(r => r.MemberId);
        b.HasOne(r => r.Notice).WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
