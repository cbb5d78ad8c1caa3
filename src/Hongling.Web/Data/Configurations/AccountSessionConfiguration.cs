using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(AccountSession.UserAgentLength);
        b.Property(s => s.RemoteIp).HasMaxLength(64);
        // Deleting an account ends its sessions.
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.AccountId);
        b.HasIndex(s => s.ExpiresAt); // the clean-up of ended sessions
    }
}
