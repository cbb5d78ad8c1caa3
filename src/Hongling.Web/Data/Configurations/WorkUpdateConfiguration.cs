using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class WorkUpdateConfiguration : IEntityTypeConfiguration<WorkUpdate>
{
    public void Configure(EntityTypeBuilder<WorkUpdate> b)
    {
        b.Property(w => w.Title).HasMaxLength(100);
        b.Property(w => w.Source).HasMaxLength(200);
        b.Property(w => w.Body).HasMaxLength(100_000);
        b.Property(w => w.Column).HasMaxLength(40);
        b.Property(w => w.PublishedBy).HasMaxLength(100);
        // Feeds and monthly counts: a subtree's updates by time.
        b.HasIndex(w => new { w.OrgPath, w.PublishedAt });
        b.HasIndex(w => new { w.Column, w.PublishedAt });
        b.HasOne(w => w.Organization).WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
