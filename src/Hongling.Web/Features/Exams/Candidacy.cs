using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>The candidate's side: which exams are open to the signed-in member or registrant, and starting an attempt.</summary>
public sealed class Candidacy(HonglingDb db, TimeProvider clock, PaperCache papers, ExamPools pools, AttemptWriter writer)
{
    /// <summary>The candidate: a member (with their branch and status) or an approved registrant (报名人员).</summary>
    public sealed record Me(int? MemberId, int? RegistrantId, int OrganizationId, string OrgPath, MemberStatus? Status);

    /// <summary>The signed-in member or registrant, or null for an account that is neither.</summary>
    public async Task<Me?> MeAsync(CancellationToken ct = default)
    {
        if (db.Scope.MemberId is { } id)
            return await db.Members.Where(m => m.Id == id).Select(m => new Me(m.Id, null, m.OrganizationId, m.OrgPath, m.Status)).FirstOrDefaultAsync(ct);
        if (db.Scope.AccountId is not { } account) return null;
        // A registrant's own record is outside every scope filter (nobody administers themselves): the account is the key.
        return await db.Registrants.IgnoreQueryFilters().Where(r => r.AccountId == account)
            .Select(r => new Me(null, r.Id, r.OrganizationId, r.OrgPath, null)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Exams open to the candidate: for a member, those whose audience includes their branch (the
    /// scope's published-to-members rule, then the statuses); for a registrant, those they are approved for.</summary>
    public IQueryable<Exam> ExamsFor(Me me)
    {
        if (me.RegistrantId is { } registrant)
        {
            var approved = db.ExamApprovals.IgnoreQueryFilters().Where(x => x.RegistrantId == registrant).Select(x => x.ExamId);
            return db.Exams.IgnoreQueryFilters().Where(e => approved.Contains(e.Id));
        }
        return db.Exams.Where(e => me.OrgPath == e.AudiencePath || (e.AudienceIncludesSubtree && me.OrgPath.StartsWith(e.AudiencePath)));
    }

    public static bool StatusAllowed(Exam e, Me me) => me.Status is not { } status || e.AudienceStatuses.Count == 0 || e.AudienceStatuses.Contains(status);

    /// <summary>The caller's own attempts (not those an administrator merely sees in their subtree). The account
    /// is the whole rule, so the scope filters are set aside: a registrant's exam is outside every filter.</summary>
    public IQueryable<Attempt> MyAttempts() => Own(db);

    /// <inheritdoc cref="MyAttempts"/>
    public static IQueryable<Attempt> Own(HonglingDb db) =>
        db.Attempts.IgnoreQueryFilters().Where(a => db.Scope.AccountId != null && a.AccountId == db.Scope.AccountId);

    public sealed record Started(Guid? AttemptId, string? Error);

    /// <summary>Resumes the open attempt, or draws a new paper if the window is open and attempts remain.</summary>
    public async Task<Started> StartAsync(int examId, CancellationToken ct = default)
    {
        if (await MeAsync(ct) is not { } me) return new(null, "只有党员本人或经批准的报名人员可以参加考试");
        var exam = await ExamsFor(me).FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null || !StatusAllowed(exam, me)) return new(null, null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!exam.IsOpenAt(now)) return new(null, now < exam.OpensAt ? "考试尚未开始" : "考试已结束");
        var mine = await MyAttempts().Where(a => a.ExamId == examId).Select(a => new { a.Id, a.State, a.Deadline, a.Number }).ToListAsync(ct);
        if (mine.FirstOrDefault(a => a.State == AttemptState.InProgress && a.Deadline >= now) is { } open) return new(open.Id, null);
        if (mine.Count >= exam.AttemptsAllowed) return new(null, $"本场考试最多可参加{exam.AttemptsAllowed}次,您已用完");
        List<AttemptItem> items;
        try { items = PaperDraw.Draw(await pools.GetAsync(db, exam)); }
        catch (PaperDraw.RuleNotSatisfiable e) { return new(null, e.Message); }
        var id = Guid.NewGuid();
        foreach (var item in items) item.AttemptId = id;   // the writer inserts items as they are, not through EF's fix-up
        var attempt = new Attempt
        {
            Id = id, ExamId = exam.Id, MemberId = me.MemberId, RegistrantId = me.RegistrantId, AccountId = db.Scope.AccountId!, OrganizationId = me.OrganizationId,
            Number = mine.Count == 0 ? 1 : mine.Max(a => a.Number) + 1, StartedAt = now,
            Deadline = Min(now.AddMinutes(exam.DurationMinutes), exam.ClosesAt), MaxScore = items.Sum(i => i.Points), Items = items,
        };
        try { await writer.SubmitAsync(attempt); }
        catch (DbUpdateException)
        {
            // The unique (exam, account, number) index: another start of the same attempt number won the race.
            return new(null, "您已在另一个页面开始了本场考试,请刷新后继续");
        }
        papers.Put(attempt);
        return new(attempt.Id, null);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
