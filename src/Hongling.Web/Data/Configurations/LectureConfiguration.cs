using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

public sealed class LectureCourseConfiguration : IEntityTypeConfiguration<LectureCourse>
{
    public void Configure(EntityTypeBuilder<LectureCourse> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.AudiencePath).HasMaxLength(400);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => x.AudiencePath);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sessions)
            .WithOne(s => s.Course)
            .HasForeignKey(s => s.CourseId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LectureSessionConfiguration : IEntityTypeConfiguration<LectureSession>
{
    public void Configure(EntityTypeBuilder<LectureSession> b)
    {
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.HasIndex(x => new { x.CourseId, x.Number }).IsUnique();
    }
}

public sealed class LectureEnrolmentConfiguration : IEntityTypeConfiguration<LectureEnrolment>
{
    public void Configure(EntityTypeBuilder<LectureEnrolment> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        // A seat is taken once; a person holds one seat per course (NULLs differ, so members and recruits each).
        b.HasIndex(x => new { x.CourseId, x.SeatNumber }).IsUnique();
        b.HasIndex(x => new { x.CourseId, x.MemberId }).IsUnique();
        b.HasIndex(x => new { x.CourseId, x.RecruitId }).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.HasIndex(x => x.RecruitId);
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Recruit).WithMany().HasForeignKey(x => x.RecruitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LectureAttendanceConfiguration : IEntityTypeConfiguration<LectureAttendance>
{
    public void Configure(EntityTypeBuilder<LectureAttendance> b)
    {
        b.HasIndex(x => new { x.EnrolmentId, x.SessionId }).IsUnique();
        b.HasOne<LectureSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
