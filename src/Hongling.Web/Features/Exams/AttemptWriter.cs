using System.Data.Common;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.GroupCommit;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Starts by group commit: at a synchronized start thousands of candidates post at once, and one writer
/// takes every start waiting at that moment, reads the candidates' records, attempts and approvals for all of
/// them in three queries, decides each (Candidacy.Decide) and inserts every new paper in one transaction,
/// answering each start only after the commit. A second start of the same candidate in the batch resumes the
/// attempt the first created. Another instance's start of the same attempt number (the unique exam-account-number
/// index) fails the batch, which is then retried start by start on fresh reads, so that start resumes instead.
/// The papers written are cached for their autosaves here, one after another: a hundred requests caching theirs
/// at the same moment, as each start was answered, contended for the cache's locks.</summary>
public sealed class AttemptWriter(
    IServiceScopeFactory scopes,
    ExamPools pools,
    PaperCache papers,
    TimeProvider clock,
    ILogger<AttemptWriter> logger
) : GroupCommitWriter<Candidacy.StartRequest, Candidacy.Outcome>(scopes, logger, maxBatch: 256)
{
    /// <summary>Resumes the open attempt, or draws a new paper if the window is open and attempts remain. Runs
    /// without an org scope or a database context of its own (Exams/Start): the exam comes from
    /// <see cref="ExamPools"/>, the paper is drawn on the caller's thread, and the batch reads the account's
    /// records and attempts together with every other start's.</summary>
    public async Task<Candidacy.Started> StartAsync(string accountId, int examId)
    {
        if (await pools.GetAsync(examId) is not { } loaded)
            return new(null, null);
        var id = Guid.NewGuid();
        List<AttemptItem>? items = null;
        string? drawError = null;
        try
        {
            items = PaperDraw.Draw(loaded.Pool);
            foreach (var item in items)
                item.AttemptId = id; // the batch inserts items as they are, not through EF's fix-up
        }
        catch (PaperDraw.RuleNotSatisfiable e)
        {
            drawError = e.Message;
        }
        try
        {
            return (
                await SubmitAsync(
                    new Candidacy.StartRequest(
                        accountId,
                        loaded.Exam,
                        clock.GetUtcNow().UtcDateTime,
                        id,
                        items,
                        drawError
                    )
                )
            ).Answer;
        }
        catch (DbUpdateException)
        {
            // The unique (exam, account, number) index: another instance started the same attempt number first.
            return new(null, "您已在另一个页面开始了本场考试,请刷新后继续");
        }
    }

    protected override async Task<IReadOnlyList<Candidacy.Outcome>> CommitAsync(
        IServiceProvider services,
        IReadOnlyList<Candidacy.StartRequest> items,
        CancellationToken ct
    )
    {
        var db = services.GetRequiredService<HonglingDb>();
        // The candidate writes their own attempt in an organization they do not administer: Candidacy's rules are the
        // check.
        db.Scope.ServeEveryCaller();
        string[] accounts = [.. items.Select(s => s.AccountId).Distinct()];
        int[] exams = [.. items.Select(s => s.Exam.Id).Distinct()];
        var candidates = await Gates.CandidatesAsync(db, accounts, ct);
        var previous = (
            await db
                .Attempts.Where(a => accounts.Contains(a.AccountId) && exams.Contains(a.ExamId))
                .Select(a => new
                {
                    a.AccountId,
                    a.ExamId,
                    Attempt = new Candidacy.Previous(a.Id, a.State, a.Deadline, a.Number),
                })
                .ToListAsync(ct)
        ).GroupBy(a => (a.AccountId, a.ExamId)).ToDictionary(g => g.Key, g => g.Select(a => a.Attempt).ToList());
        int[] registrants =
        [
            .. candidates.Values.Where(c => c.RegistrantId is not null).Select(c => c.RegistrantId!.Value),
        ];
        var approved =
            registrants.Length == 0
                ? []
                : (
                    await db
                        .ExamApprovals.Where(x => registrants.Contains(x.RegistrantId) && exams.Contains(x.ExamId))
                        .Select(x => new { x.RegistrantId, x.ExamId })
                        .ToListAsync(ct)
                )
                    .Select(x => (x.RegistrantId, x.ExamId))
                    .ToHashSet();

        var outcomes = new List<Candidacy.Outcome>(items.Count);
        var created = new List<(Attempt Attempt, List<AttemptItem> Items)>();
        foreach (var start in items)
        {
            var me = candidates.GetValueOrDefault(start.AccountId);
            if (!previous.TryGetValue((start.AccountId, start.Exam.Id), out var mine))
                previous[(start.AccountId, start.Exam.Id)] = mine = [];
            var outcome = Candidacy.Decide(
                start,
                me,
                me?.RegistrantId is { } r && approved.Contains((r, start.Exam.Id)),
                mine
            );
            if (outcome.Created is { } attempt)
            {
                created.Add((attempt, start.Items!));
                mine.Add(new Candidacy.Previous(attempt.Id, attempt.State, attempt.Deadline, attempt.Number));
            }
            outcomes.Add(outcome);
        }
        if (created.Count == 0)
            return outcomes;
        var rows = new List<AttemptItem>(created.Sum(c => c.Items.Count));
        foreach (var (_, paper) in created)
            rows.AddRange(paper);
        try
        {
            await db.InsertManyAsync([.. created.Select(c => c.Attempt)], rows, ct);
        }
        catch (DbException e)
        {
            // As SaveChanges reports it: the batch is then retried start by start, and a duplicate fails alone.
            throw new DbUpdateException("Inserting attempts failed.", e);
        }
        foreach (var (attempt, paper) in created)
            papers.Put(attempt, paper);
        return outcomes;
    }
}
