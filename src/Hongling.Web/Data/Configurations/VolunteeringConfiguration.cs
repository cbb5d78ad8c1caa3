using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class VolunteerProjectConfiguration : IEntityTypeConfiguration<VolunteerProject>
{
    public void Configure(EntityTypeBuilder<VolunteerProject> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.HasIndex(x => new { x.AudiencePath, x.StartsAt });
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerSignUpConfiguration : IEntityTypeConfiguration<VolunteerSignUp>
{
    /// <summary>Live sign-ups only: a withdrawn one gives its place back. Quoted alike in SQLite and
    /// PostgreSQL.</summary>
    public const string Live = "\"WithdrawnAt\" IS NULL";

    public void Configure(EntityTypeBuilder<VolunteerSignUp> b)
    {
        b.Property(x => x.Hours).HasPrecision(6, 1);
        b.Property(x => x.ConfirmedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ProjectId, x.MemberId }).IsUnique();
        // The limit's guard: one live sign-up per place of a project (NULL places, projects without a limit, differ).
        b.HasIndex(x => new { x.ProjectId, x.Place }).IsUnique().HasFilter(Live);
        b.HasIndex(x => x.MemberId);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
