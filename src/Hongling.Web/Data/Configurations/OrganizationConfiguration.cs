using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(24);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Path).HasMaxLength(400);
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.Path).IsUnique();
        b.HasIndex(o => o.ParentId);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
        b.HasIndex(m => m.IdNumberHash).IsUnique();
        b.HasIndex(m => m.CardNumber).IsUnique();
        // OrganizationId (the foreign-key index) orders a branch's members by id without a sort.
        b.HasIndex(m => m.Name);
        b.HasIndex(m => m.IdNumberTail);
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.DisplayName).HasMaxLength(50);
        b.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.MemberId).IsUnique();
    }
}

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
