using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class OrgAdministratorConfiguration : IEntityTypeConfiguration<OrgAdministrator>
{
    public void Configure(EntityTypeBuilder<OrgAdministrator> b)
    {
        b.HasIndex(x => new { x.AccountId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
