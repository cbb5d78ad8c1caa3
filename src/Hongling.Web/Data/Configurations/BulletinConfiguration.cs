using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        // One row per issuer, month and version: two instances generating the same month store it once.
        b.HasIndex(x => new
            {
                x.OrganizationId,
                x.Month,
                x.Version,
            })
            .IsUnique();
        b.HasIndex(x => new { x.OrgPath, x.Month });
        b.HasIndex(x => x.AudiencePath);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.Property(x => x.Content).HasMaxLength(4_000_000);
        b.Property(x => x.Text).AsJson().HasMaxLength(100_000);
        b.Property(x => x.IssuerName).HasMaxLength(100);
        b.Property(x => x.GeneratedBy).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BulletinSettingsConfiguration : IEntityTypeConfiguration<BulletinSettings>
{
    public void Configure(EntityTypeBuilder<BulletinSettings> b)
    {
        b.HasIndex(x => x.OrganizationId).IsUnique();
        b.Property(x => x.CompositeWeights).HasMaxLength(2_000);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BulletinTargetsConfiguration : IEntityTypeConfiguration<BulletinTargets>
{
    public void Configure(EntityTypeBuilder<BulletinTargets> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Month }).IsUnique();
        foreach (
            var rate in new[]
            {
                nameof(BulletinTargets.OrganSignInRate),
                nameof(BulletinTargets.OverallSignInRate),
                nameof(BulletinTargets.AdminSignInRate),
                nameof(BulletinTargets.CompletenessRate),
                nameof(BulletinTargets.DuesRate),
            }
        )
            b.Property(rate).HasPrecision(5, 4);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
