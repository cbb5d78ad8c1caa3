using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class ScopeVersionConfiguration : IEntityTypeConfiguration<ScopeVersion>
{
    public void Configure(EntityTypeBuilder<ScopeVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        // The migration creates the row: it is only ever raised, never inserted by the application.
        b.HasData(new ScopeVersion { Id = ScopeVersion.TheRow, Value = 0 });
    }
}
