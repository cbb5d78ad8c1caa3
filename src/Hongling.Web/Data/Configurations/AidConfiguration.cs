using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.Property(x => x.ReviewLevels).HasMaxLength(100);
        b.Property(x => x.Balance).HasPrecision(14, 2);
        b.Property(x => x.TuitionPercent).HasPrecision(5, 2);
        b.Property(x => x.EntryCount).IsConcurrencyToken();
        b.HasIndex(x => x.AudiencePath);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> b)
    {
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.BalanceAfter).HasPrecision(14, 2);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        // The ledger is one running account per fund, and no month of an application is paid twice.
        b.HasIndex(x => new { x.FundId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.ApplicationId, x.PaymentMonth }).IsUnique();
        b.HasOne(x => x.Fund).WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Application).WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AidApplicationConfiguration : IEntityTypeConfiguration<AidApplication>
{
    public void Configure(EntityTypeBuilder<AidApplication> b)
    {
        b.Property(x => x.AmountAsked).HasPrecision(12, 2);
        b.Property(x => x.FeeAmount).HasPrecision(12, 2);
        b.Property(x => x.ApprovedAmount).HasPrecision(12, 2);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Property(x => x.ReviewerPath).HasMaxLength(400);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.CreatedByAccountId).HasMaxLength(450);
        b.HasIndex(x => new { x.Status, x.ReviewerPath });
        b.HasIndex(x => x.MemberId);
        b.HasOne(x => x.Fund).WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AidReviewConfiguration : IEntityTypeConfiguration<AidReview>
{
    public void Configure(EntityTypeBuilder<AidReview> b)
    {
        b.Property(x => x.ReviewerPath).HasMaxLength(400);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Comment).HasMaxLength(500);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.Property(x => x.DecidedByAccountId).HasMaxLength(450);
        b.HasIndex(x => new { x.ApplicationId, x.Order }).IsUnique();
    }
}

public sealed class AidAttachmentConfiguration : IEntityTypeConfiguration<AidAttachment>
{
    public void Configure(EntityTypeBuilder<AidAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(50);
    }
}

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Visitors).HasMaxLength(200);
        b.Property(x => x.Given).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Cash).HasPrecision(12, 2);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.MemberId, x.On });
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
