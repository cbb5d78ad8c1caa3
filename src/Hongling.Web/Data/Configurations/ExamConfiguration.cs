using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class QuestionCategoryConfiguration : IEntityTypeConfiguration<QuestionCategory>
{
    public void Configure(EntityTypeBuilder<QuestionCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(50);
        b.HasOne<QuestionCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.Stem).HasMaxLength(2000);
        b.Property(q => q.Explanation).HasMaxLength(2000);
        b.Property(q => q.Points).HasPrecision(6, 2);
        b.Property(q => q.Options).AsJson();
        b.Property(q => q.Blanks).AsJson();
        // The draw's filter: usable bank paths, then type, category and difficulty.
        b.HasIndex(q => new
        {
            q.OrgPath,
            q.Type,
            q.CategoryId,
            q.Difficulty,
        });
        b.HasOne(q => q.Category).WithMany().HasForeignKey(q => q.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(q => q.Organization).WithMany().HasForeignKey(q => q.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuestionVersionConfiguration : IEntityTypeConfiguration<QuestionVersion>
{
    public void Configure(EntityTypeBuilder<QuestionVersion> b)
    {
        b.HasKey(v => new { v.QuestionId, v.Version });
        b.Property(v => v.Version).ValueGeneratedNever();
        b.Property(v => v.Stem).HasMaxLength(2000);
        b.Property(v => v.Explanation).HasMaxLength(2000);
        b.Property(v => v.Options).AsJson();
        b.Property(v => v.Blanks).AsJson();
        b.HasOne(v => v.Owner).WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.Property(e => e.Title).HasMaxLength(100);
        b.Property(e => e.Instructions).HasMaxLength(2000);
        b.Property(e => e.AudiencePath).HasMaxLength(400);
        b.Property(e => e.PassMark).HasPrecision(8, 2);
        b.Property(e => e.TotalPoints).HasPrecision(8, 2);
        b.Property(e => e.AudienceStatuses).AsJson();
        b.Property(e => e.Rules).AsJson();
        b.Property(e => e.Fixed).AsJson();
        b.HasIndex(e => new { e.AudiencePath, e.ClosesAt });
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.AccountId).HasMaxLength(450);
        b.Property(a => a.Score).HasPrecision(8, 2);
        b.Property(a => a.MaxScore).HasPrecision(8, 2);
        // Per account, not per member: a registrant has no member, and nulls would not collide in a unique index.
        b.HasIndex(a => new
            {
                a.ExamId,
                a.AccountId,
                a.Number,
            })
            .IsUnique();
        // The auto-submit job's scan: open attempts past their deadline.
        b.HasIndex(a => new { a.State, a.Deadline });
        b.HasOne(a => a.Exam).WithMany().HasForeignKey(a => a.ExamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Registrant).WithMany().HasForeignKey(a => a.RegistrantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> b)
    {
        b.HasKey(i => new { i.AttemptId, i.Position });
        b.Property(i => i.Position).ValueGeneratedNever();
        b.Property(i => i.Points).HasPrecision(6, 2);
        b.Property(i => i.Score).HasPrecision(6, 2);
        b.Property(i => i.GradedBy).HasMaxLength(100);
        b.Property(i => i.Keys).AsJson();
        b.Property(i => i.Answer).AsJson();
        // Read through the version, never stored with the item.
        b.Ignore(i => i.Stem);
        b.Ignore(i => i.Options);
        b.Ignore(i => i.Blanks);
        b.Ignore(i => i.Explanation);
        // Its index (question, version) also serves the item analysis by question.
        b.HasOne(i => i.Question)
            .WithMany()
            .HasForeignKey(i => new { i.QuestionId, i.QuestionVersion })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RegistrantConfiguration : IEntityTypeConfiguration<Registrant>
{
    public void Configure(EntityTypeBuilder<Registrant> b)
    {
        b.Property(r => r.AccountId).HasMaxLength(450);
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.Mobile).HasMaxLength(11);
        b.Property(r => r.WorkUnit).HasMaxLength(100);
        b.HasIndex(r => r.Mobile).IsUnique();
        b.HasIndex(r => r.AccountId).IsUnique();
        b.HasOne(r => r.Account).WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExamApprovalConfiguration : IEntityTypeConfiguration<ExamApproval>
{
    public void Configure(EntityTypeBuilder<ExamApproval> b)
    {
        b.Property(a => a.ApprovedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.ExamId, a.RegistrantId }).IsUnique();
        b.HasIndex(a => a.RegistrantId);
        b.HasOne(a => a.Exam).WithMany().HasForeignKey(a => a.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Registrant).WithMany().HasForeignKey(a => a.RegistrantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
