using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Title).HasMaxLength(100);
        b.Property(n => n.Text).HasMaxLength(5000);
        b.Property(n => n.AudienceDescription).HasMaxLength(500);
        b.Property(n => n.Link).HasMaxLength(400);
        b.Property(n => n.CreatedBy).HasMaxLength(100);
        b.HasIndex(n => new { n.OrgPath, n.CreatedAt });
        b.Property(n => n.OnceKey).HasMaxLength(100);
        b.HasIndex(n => n.OnceKey).IsUnique();
        b.HasOne(n => n.Organization).WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> b)
    {
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.LeaseOwner).HasMaxLength(64);
        b.Property(o => o.ProviderId).HasMaxLength(100);
        b.Property(o => o.Reason).HasMaxLength(300);
        // The sender's claim: due rows of one channel, oldest first.
        b.HasIndex(o => new
        {
            o.Channel,
            o.State,
            o.NextAttemptAt,
        });
        b.HasIndex(o => o.LeaseOwner);
        // The inbox and its unread count.
        b.HasIndex(o => new
        {
            o.MemberId,
            o.Channel,
            o.State,
            o.SentAt,
        });
        // The delivery report.
        b.HasIndex(o => new
        {
            o.NotificationId,
            o.Channel,
            o.State,
        });
        b.HasOne(o => o.Notification)
            .WithMany(n => n.Items)
            .HasForeignKey(o => o.NotificationId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> b)
    {
        b.HasKey(o => new
        {
            o.MemberId,
            o.Category,
            o.Channel,
        });
        b.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
