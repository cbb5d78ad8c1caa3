using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.Property(s => s.Title).HasMaxLength(100);
        b.Property(s => s.Body).HasMaxLength(100_000);
        b.Property(s => s.Author).HasMaxLength(50);
        b.Property(s => s.Column).HasMaxLength(40);
        b.Property(s => s.SubmittedBy).HasMaxLength(100);
        b.Property(s => s.DecidedBy).HasMaxLength(100);
        b.Property(s => s.DeclineReason).HasMaxLength(500);
        b.HasIndex(s => new { s.OrgPath, s.SubmittedAt });
        b.HasIndex(s => new { s.State, s.DecidedAt });
        b.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SubmissionSettingsConfiguration : IEntityTypeConfiguration<SubmissionSettings>
{
    public void Configure(EntityTypeBuilder<SubmissionSettings> b)
    {
        b.HasIndex(s => s.OrganizationId).IsUnique();
        b.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
