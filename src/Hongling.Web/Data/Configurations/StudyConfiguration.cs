using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.FileType).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Column, x.PublishAt });
        b.HasMany(x => x.Audiences).WithOne().HasForeignKey(a => a.MaterialId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MaterialAudienceConfiguration : IEntityTypeConfiguration<MaterialAudience>
{
    public void Configure(EntityTypeBuilder<MaterialAudience> b)
    {
        b.HasKey(x => new { x.MaterialId, x.Path });
        b.Property(x => x.Path).HasMaxLength(400);
        b.HasIndex(x => x.Path);
    }
}

public sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> b)
    {
        b.HasKey(x => x.MaterialId);
        b.HasOne<Material>().WithOne().HasForeignKey<MaterialFile>(x => x.MaterialId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        // Heartbeats change these rows from several instances: a lost update must fail and be retried.
        b.Property(x => x.LastSeq).IsConcurrencyToken();
        b.HasIndex(x => new { x.MemberId, x.OpenedAt });
        b.HasIndex(x => new { x.OrgPath, x.OpenedAt });
        b.HasOne(x => x.Material).WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActiveMinuteConfiguration : IEntityTypeConfiguration<ActiveMinute>
{
    public void Configure(EntityTypeBuilder<ActiveMinute> b)
    {
        b.HasKey(x => new { x.MemberId, x.Minute });
        b.Property(x => x.MaterialId).IsConcurrencyToken();
    }
}

public sealed class StudyClockConfiguration : IEntityTypeConfiguration<StudyClock>
{
    public void Configure(EntityTypeBuilder<StudyClock> b)
    {
        b.HasKey(x => x.MemberId);
        b.Property(x => x.MemberId).ValueGeneratedNever();
        b.Property(x => x.CoveredUntil).IsConcurrencyToken();
        b.Property(x => x.PendingMs).IsConcurrencyToken();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StudyDayConfiguration : IEntityTypeConfiguration<StudyDay>
{
    public void Configure(EntityTypeBuilder<StudyDay> b)
    {
        b.HasKey(x => new { x.MemberId, x.Day });
        b.Property(x => x.StudyMinutes).IsConcurrencyToken();
        b.Property(x => x.OnlineMinutes).IsConcurrencyToken();
        b.Property(x => x.MaterialsOpened).IsConcurrencyToken();
        b.Property(x => x.MaterialsCompleted).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgPath, x.Day });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MaterialProgressConfiguration : IEntityTypeConfiguration<MaterialProgress>
{
    public void Configure(EntityTypeBuilder<MaterialProgress> b)
    {
        b.HasKey(x => new { x.MemberId, x.MaterialId });
        b.Property(x => x.CreditedMinutes).IsConcurrencyToken();
        b.HasIndex(x => new { x.MaterialId, x.CompletedAt });
        b.HasIndex(x => new { x.OrgPath, x.CompletedAt });
        b.HasOne(x => x.Material).WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.HasIndex(x => new { x.OrganizationId, x.ScheduledAt });
        b.HasOne(x => x.Material).WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
