using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.Property(x => x.MemberName).HasMaxLength(50);
        b.Property(x => x.FromName).HasMaxLength(100);
        b.Property(x => x.ToName).HasMaxLength(100);
        b.Property(x => x.LetterNumber).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RejectReason).HasMaxLength(500);
        b.Property(x => x.StartedBy).HasMaxLength(100);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.LetterNumber).IsUnique();
        b.HasIndex(x => x.MemberId);
    }
}
