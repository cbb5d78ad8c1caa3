using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.AuthorName).HasMaxLength(50);
        b.Property(m => m.ContactPhone).HasMaxLength(20);
        b.Property(m => m.Body).HasMaxLength(2000);
        b.Property(m => m.Reply).HasMaxLength(2000);
        b.Property(m => m.RepliedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.OrgPath, m.PostedAt });
        b.HasIndex(m => new
        {
            m.IsPublic,
            m.State,
            m.RepliedAt,
        });
        b.HasIndex(m => m.MemberId);
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
