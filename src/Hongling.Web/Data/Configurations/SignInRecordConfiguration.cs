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
    }
}
