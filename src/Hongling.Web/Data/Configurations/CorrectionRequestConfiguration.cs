using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> b)
    {
        b.Property(c => c.Text).HasMaxLength(500);
        b.Property(c => c.Reply).HasMaxLength(500);
        b.Property(c => c.HandledBy).HasMaxLength(100);
        b.HasIndex(c => c.MemberId);
        b.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
