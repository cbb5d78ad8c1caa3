using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class BookableResourceConfiguration : IEntityTypeConfiguration<BookableResource>
{
    public void Configure(EntityTypeBuilder<BookableResource> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Expert).HasMaxLength(100);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.Ignore(x => x.SeatsPerSlot);
        // Members list what is offered to their branch by the audience.
        b.HasIndex(x => x.AudiencePath);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>Live bookings only: a cancelled booking gives its seat back. The quoted name reads the same in
    /// SQLite and PostgreSQL.</summary>
    public const string Live = "\"CancelledAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.BookedBy).HasMaxLength(100);
        // The double-booking guard: one live booking per seat of a slot, and one per member per slot. Two requests
        // that read the same free seat both insert it; the database lets exactly one of them in.
        b.HasIndex(x => new
            {
                x.ResourceId,
                x.StartsAt,
                x.Seat,
            })
            .IsUnique()
            .HasFilter(Live);
        b.HasIndex(x => new
            {
                x.ResourceId,
                x.StartsAt,
                x.MemberId,
            })
            .IsUnique()
            .HasFilter(Live);
        b.HasIndex(x => new { x.MemberId, x.StartsAt });
        b.HasOne(x => x.Resource).WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
