using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class MemberPhotoConfiguration : IEntityTypeConfiguration<MemberPhoto>
{
    public void Configure(EntityTypeBuilder<MemberPhoto> b)
    {
        b.HasKey(p => p.MemberId);
        b.HasOne<Member>().WithOne().HasForeignKey<MemberPhoto>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
