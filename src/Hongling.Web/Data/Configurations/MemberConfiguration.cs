using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Ethnicity).HasMaxLength(20);
        b.Property(m => m.IdNumberHash).HasMaxLength(64);
        b.Property(m => m.IdNumberMasked).HasMaxLength(18);
        b.Property(m => m.IdNumberTail).HasMaxLength(4);
        b.Property(m => m.Mobile).HasMaxLength(11);
        b.Property(m => m.CardNumber).HasMaxLength(20);
        b.Property(m => m.DuesBase).HasPrecision(12, 2);
        b.Property(m => m.FloatingPlace).HasMaxLength(100);
        b.Property(m => m.FloatingContact).HasMaxLength(50);
        b.Property(m => m.DuesAmount).HasPrecision(10, 2);
        b.Property(m => m.NativePlace).HasMaxLength(50);
        b.Property(m => m.Occupation).HasMaxLength(50);
        b.Property(m => m.WorkUnit).HasMaxLength(100);
        b.Property(m => m.Position).HasMaxLength(50);
        b.Property(m => m.HomeAddress).HasMaxLength(200);
        b.HasIndex(m => m.IdNumberHash).IsUnique();
        b.HasIndex(m => m.CardNumber).IsUnique();
        // OrganizationId (the foreign-key index) orders a branch's members by id without a sort; for the whole
        // tree, where the query filter leaves only LeftOn IS NULL, this one does, without reading the rows.
        b.HasIndex(m => new { m.LeftOn, m.OrganizationId });
        b.HasIndex(m => m.Name);
        b.HasIndex(m => m.IdNumberTail);
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
