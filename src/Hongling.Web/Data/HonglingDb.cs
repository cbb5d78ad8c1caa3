using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The one database. Provider-specific subclasses exist only to carry their own migrations.</summary>
public abstract partial class HonglingDb(DbContextOptions options, OrgScope scope, TimeProvider clock)
    : IdentityDbContext<Account>(options),
        IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<OrgAdministrator> OrgAdministrators => Set<OrgAdministrator>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<ScopeVersion> ScopeVersions => Set<ScopeVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<DuesPayment> DuesPayments => Set<DuesPayment>();
    public DbSet<MemberPhoto> MemberPhotos => Set<MemberPhoto>();
    public DbSet<RichTextImage> RichTextImages => Set<RichTextImage>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<Recruit> Recruits => Set<Recruit>();
    public DbSet<RecruitStep> RecruitSteps => Set<RecruitStep>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();
    public DbSet<MaterialAudience> MaterialAudiences => Set<MaterialAudience>();
    public DbSet<StudySession> StudySessions => Set<StudySession>();
    public DbSet<ActiveMinute> ActiveMinutes => Set<ActiveMinute>();
    public DbSet<StudyDay> StudyDays => Set<StudyDay>();
    public DbSet<StudyClock> StudyClocks => Set<StudyClock>();
    public DbSet<MaterialProgress> MaterialProgress => Set<MaterialProgress>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<AlbumPhoto> AlbumPhotos => Set<AlbumPhoto>();
    public DbSet<ThoughtReport> ThoughtReports => Set<ThoughtReport>();
    public DbSet<WorkUpdate> WorkUpdates => Set<WorkUpdate>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeRead> NoticeReads => Set<NoticeRead>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionSettings> SubmissionSettings => Set<SubmissionSettings>();
    public DbSet<QuestionCategory> QuestionCategories => Set<QuestionCategory>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionVersion> QuestionVersions => Set<QuestionVersion>();
    public DbSet<Exam> Exams => Set<Exam>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<AttemptItem> AttemptItems => Set<AttemptItem>();
    public DbSet<Registrant> Registrants => Set<Registrant>();
    public DbSet<ExamApproval> ExamApprovals => Set<ExamApproval>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<EquipmentStateChange> EquipmentStateChanges => Set<EquipmentStateChange>();
    public DbSet<SiteMaintenance> SiteMaintenance => Set<SiteMaintenance>();
    public DbSet<Terminal> Terminals => Set<Terminal>();
    public DbSet<ViewingSession> ViewingSessions => Set<ViewingSession>();
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinSettings> BulletinSettings => Set<BulletinSettings>();
    public DbSet<BulletinTargets> BulletinTargets => Set<BulletinTargets>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxItem> OutboxItems => Set<OutboxItem>();
    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();
    public DbSet<BookableResource> BookableResources => Set<BookableResource>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<VolunteerProject> VolunteerProjects => Set<VolunteerProject>();
    public DbSet<VolunteerSignUp> VolunteerSignUps => Set<VolunteerSignUp>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<FundEntry> FundEntries => Set<FundEntry>();
    public DbSet<AidApplication> AidApplications => Set<AidApplication>();
    public DbSet<AidReview> AidReviews => Set<AidReview>();
    public DbSet<AidAttachment> AidAttachments => Set<AidAttachment>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<LectureCourse> LectureCourses => Set<LectureCourse>();
    public DbSet<LectureSession> LectureSessions => Set<LectureSession>();
    public DbSet<LectureEnrolment> LectureEnrolments => Set<LectureEnrolment>();
    public DbSet<LectureAttendance> LectureAttendance => Set<LectureAttendance>();

    public OrgScope Scope => scope;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HonglingDb).Assembly);
        ApplyScopeFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Every save stamps and checks the org scope, and writes the audit log of what it changed, and
    /// raises the scope version when it changes someone's administered subtrees, in the same transaction as the
    /// change.</summary>
    public override async Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default
    )
    {
        // Changes are detected once here: the scope stamp writes through the change tracker, and the audit
        // capture and EF's own save read it, so none of them needs to scan every tracked row again.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            KeepQuestionVersions();
            await StampAndEnforceScopeAsync(cancellationToken);
            var audits = CaptureAudits();
            var changesScopes = ChangesAdministeredSubtrees();
            if (audits.Count == 0 && !changesScopes)
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            return await InTransactionAsync(
                async () =>
                {
                    var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                    if (audits.Count > 0)
                    {
                        AuditEntries.AddRange(audits.Select(a => a.ToEntry()));
                        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                    }
                    if (changesScopes)
                        await RaiseScopeVersionAsync(cancellationToken);
                    return count;
                },
                cancellationToken
            );
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>A new question is saved with its first version; a change to its content bumps its version
    /// (unless the caller already did) and saves that version beside it.</summary>
    private void KeepQuestionVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Question>().ToList())
        {
            if (entry.State == EntityState.Modified)
            {
                if (!QuestionVersion.Content.Any(p => entry.Property(p).IsModified))
                    continue;
                var version = entry.Property(q => q.Version);
                if (!version.IsModified)
                    version.CurrentValue++;
            }
            else if (entry.State != EntityState.Added)
                continue;
            QuestionVersions.Add(QuestionVersion.Of(entry.Entity));
        }
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction, or in one of its own.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await work();
            if (own is not null)
                await own.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}

public sealed class SqliteHonglingDb(DbContextOptions<SqliteHonglingDb> options, OrgScope scope, TimeProvider clock)
    : HonglingDb(options, scope, clock);

public sealed class PostgresHonglingDb(DbContextOptions<PostgresHonglingDb> options, OrgScope scope, TimeProvider clock)
    : HonglingDb(options, scope, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Paths compare byte by byte (the subtree ranges rely on it) and "C" lets LIKE 'x%' use the index too.
        builder.Entity<Organization>().Property(o => o.Path).UseCollation("C");
        foreach (var type in ScopedTypes(builder))
        {
            builder.Entity(type).Property(nameof(IScopedByPath.OrgPath)).UseCollation("C");
            if (typeof(ISharedWithPath).IsAssignableFrom(type))
                builder.Entity(type).Property(nameof(ISharedWithPath.SharedPath)).UseCollation("C");
        }
    }
}
