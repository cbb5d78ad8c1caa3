using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> b)
    {
        b.Property(x => x.CardNumber).HasMaxLength(64);
        b.Property(x => x.RemoteIp).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.AccountId, x.At });
        b.Property(x => x.OrgPath).HasMaxLength(400);
        // The bulletin's sign-in figures: one month's sign-ins of a subtree, and whether a member signed in.
        b.HasIndex(x => new { x.OrgPath, x.At });
        b.HasIndex(x => new { x.MemberId, x.At });
    }
}
