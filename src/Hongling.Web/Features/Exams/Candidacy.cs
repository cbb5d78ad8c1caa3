using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>The candidate's side: which exams are open to the signed-in member or registrant, and the rules of
/// starting an attempt, which <see cref="AttemptWriter"/> applies to all the starts waiting at that moment at
/// once (a synchronized start of thousands).</summary>
public sealed class Candidacy(HonglingDb db)
{
    /// <summary>The signed-in member or registrant, or null for an account that is neither.</summary>
    public async Task<Gates.Candidate?> MeAsync() =>
        db.Scope.AccountId is { } account
            ? (await Gates.CandidatesAsync(db, [account])).GetValueOrDefault(account)
            : null;

    /// <summary>Exams open to the candidate: for a member, those whose audience includes their branch (the
    /// scope's published-to-members rule, then the statuses); for a registrant, those they are approved for.</summary>
    public IQueryable<Exam> ExamsFor(Gates.Candidate me)
    {
        if (me.RegistrantId is { } registrant)
        {
            var approved = db.ExamApprovalsOfThePlatform.Where(x => x.RegistrantId == registrant).Select(x => x.ExamId);
            return db.ExamsOfThePlatform.Where(e => approved.Contains(e.Id));
        }
        return db.Exams.Where(Audience.Reaches<Exam>(me.OrgPath));
    }

    /// <summary>Exams the candidate may still sit (not closed yet; their status admitted), the soonest to close
    /// first: 我的考试 and the member's home page.</summary>
    public async Task<List<Exam>> OpenAsync(Gates.Candidate me, DateTime now, int take)
    {
        var exams = await ExamsFor(me).Where(e => e.ClosesAt > now).OrderBy(e => e.ClosesAt).Take(take).ToListAsync();
        return [.. exams.Where(e => Gates.StatusAllowed(e, me))];
    }

    /// <summary>The caller's own attempts (not those an administrator merely sees in their subtree). The account
    /// is the whole rule, so the scope filters are set aside: a registrant's exam is outside every filter.</summary>
    public IQueryable<Attempt> MyAttempts() => Own(db);

    /// <inheritdoc cref="MyAttempts"/>
    public static IQueryable<Attempt> Own(HonglingDb db) =>
        db.AttemptsOfAllAccounts.Where(a => db.Scope.AccountId != null && a.AccountId == db.Scope.AccountId);

    /// <summary>No error and no attempt means there is no such exam for this candidate (404).</summary>
    public sealed record Started(Guid? AttemptId, string? Error);

    /// <summary>One start as the writer receives it. The paper is drawn beforehand on the request's own thread
    /// (or the reason it cannot be), and is used only if the start creates an attempt.</summary>
    public sealed record StartRequest(
        string AccountId,
        Exam Exam,
        DateTime Now,
        Guid NewId,
        List<AttemptItem>? Items,
        string? DrawError
    );

    /// <summary>One of the account's attempts at the exam, as the writer reads them.</summary>
    public sealed record Previous(Guid Id, AttemptState State, DateTime Deadline, int Number);

    /// <summary>The answer to a start, and the attempt it creates, if any (its items are the start's drawn paper,
    /// inserted as rows of their own: on the attempt, EF's fix-up would look each one up as the attempt is
    /// added).</summary>
    public sealed record Outcome(Started Answer, Attempt? Created);

    /// <summary>What a start comes to: refused (not a candidate, not theirs to take, outside the window, no
    /// attempts left), the open attempt resumed, or a new attempt with the next number and the deadline
    /// min(start + duration, window close).</summary>
    public static Outcome Decide(
        StartRequest start,
        Gates.Candidate? me,
        bool approved,
        IReadOnlyCollection<Previous> mine
    )
    {
        if (me is null)
            return new(new(null, "只有党员本人或经批准的报名人员可以参加考试"), null);
        var (exam, now) = (start.Exam, start.Now);
        if (!Gates.MayTake(me, exam, approved))
            return new(new(null, null), null);
        if (!exam.IsOpenAt(now))
            return new(new(null, now < exam.OpensAt ? "考试尚未开始" : "考试已结束"), null);
        if (mine.FirstOrDefault(a => a.State == AttemptState.InProgress && a.Deadline >= now) is { } open)
            return new(new(open.Id, null), null);
        if (mine.Count >= exam.AttemptsAllowed)
            return new(new(null, $"本场考试最多可参加{exam.AttemptsAllowed}次,您已用完"), null);
        if (start.Items is not { } items)
            return new(new(null, start.DrawError), null);
        var attempt = new Attempt
        {
            Id = start.NewId,
            ExamId = exam.Id,
            MemberId = me.MemberId,
            RegistrantId = me.RegistrantId,
            AccountId = start.AccountId,
            OrganizationId = me.OrganizationId,
            Number = mine.Count == 0 ? 1 : mine.Max(a => a.Number) + 1,
            StartedAt = now,
            Deadline = Min(now.AddMinutes(exam.DurationMinutes), exam.ClosesAt),
            MaxScore = items.Sum(i => i.Points),
        };
        return new(new(attempt.Id, null), attempt);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
