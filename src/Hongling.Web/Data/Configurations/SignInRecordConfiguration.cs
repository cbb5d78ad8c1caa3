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
        b.HasIndex(x => new { x.AccountId, x.At });
        b.Property(x => x.OrgPath).HasMaxLength(400);
        // A month's sign-ins read from the index alone: the bulletin counts them per branch path and takes the members
        // who signed in (Features/Bulletins/PlatformQueries); a range on At leads, since records accumulate for years.
        b.HasIndex(x => new
        {
            x.At,
            x.Succeeded,
            x.OrgPath,
            x.MemberId,
        });
        b.HasIndex(x => new { x.MemberId, x.At });
    }
}
