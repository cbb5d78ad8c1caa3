using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Minutes).HasMaxLength(20000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        // Members find what is published to their branch by the audience; the bulletin counts by creation time.
        b.HasIndex(x => new { x.AudiencePath, x.StartsAt });
        b.HasIndex(x => new { x.OrgPath, x.CreatedAt });
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> b)
    {
        b.Property(x => x.LeaveReason).HasMaxLength(200);
        b.HasIndex(x => new { x.ActivityId, x.MemberId }).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.HasOne(x => x.Activity)
            .WithMany(a => a.Participants)
            .HasForeignKey(x => x.ActivityId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
