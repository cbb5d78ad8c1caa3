using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Setting up an exam: audience, window, time, attempts, pass mark, when answers are shown and
/// the paper's rules. An exam whose rules the bank cannot serve is refused, naming the rule.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock, ExamPools pools, NotificationQueue notifications)
    : PageModel
{
    [BindProperty]
    public ExamInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }
    public List<(int Id, string Name)> Orgs { get; private set; } = [];
    public List<(int Id, string Name)> Categories { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var exam = await db.AdministeredRows<Exam>().FirstOrDefaultAsync(e => e.Id == id);
            if (exam is null)
                return NotFound();
            Input = ExamInput.From(exam);
        }
        else
        {
            var today = clock.GetUtcNow().UtcDateTime.ToChina().Date;
            Input.OpensAt = today.AddHours(8);
            Input.ClosesAt = today.AddDays(7).AddHours(20);
        }
        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Errors = Input.Check(out var fixedQuestions);
        if (!ModelState.IsValid)
            Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        var org = await db
            .AdministeredOrganizations.Where(o => o.Id == Input.OrganizationId)
            .Select(o => new { o.Id, o.Path })
            .FirstOrDefaultAsync();
        if (org is null)
            return NotFound();
        Exam? exam = null;
        if (Id is { } id && (exam = await db.AdministeredRows<Exam>().FirstOrDefaultAsync(e => e.Id == id)) is null)
            return NotFound();
        if (Errors.Count == 0)
        {
            var fixedIds = fixedQuestions.Select(f => f.QuestionId).ToList();
            var defaults = await QuestionBank
                .UsableFor(db, org.Path)
                .Where(q => fixedIds.Contains(q.Id))
                .ToDictionaryAsync(q => q.Id, q => q.Points);
            fixedQuestions =
            [
                .. fixedQuestions.Select(f =>
                    f with
                    {
                        Points = f.Points > 0 ? f.Points : defaults.GetValueOrDefault(f.QuestionId, 1),
                    }
                ),
            ];
            var draft = new Exam
            {
                Title = "",
                Rules = Input.ActiveRules(),
                Fixed = fixedQuestions,
            };
            Errors.AddRange(await PaperDraw.CheckAsync(db, draft, org.Path));
        }
        if (Errors.Count > 0)
        {
            await LoadListsAsync();
            return Page();
        }
        var invite = exam is null;
        if (exam is null)
        {
            exam = new Exam { Title = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Exams.Add(exam);
        }
        exam.Title = Input.Title!.Trim();
        exam.Instructions = Input.Instructions.NullIfBlank();
        exam.OrganizationId = org.Id;
        exam.AudiencePath = org.Path;
        exam.AudienceIncludesSubtree = true;
        exam.AudienceStatuses = [.. Input.Statuses.Distinct()];
        exam.OpensAt = FromChina(Input.OpensAt);
        exam.ClosesAt = FromChina(Input.ClosesAt);
        exam.DurationMinutes = Input.DurationMinutes;
        exam.AttemptsAllowed = Input.AttemptsAllowed;
        exam.PassMark = Input.PassMark;
        exam.ShowAnswers = Input.EffectiveShowAnswers;
        exam.Rules = Input.ActiveRules();
        exam.Fixed = fixedQuestions;
        exam.TotalPoints = exam.Rules.Sum(r => r.Count * r.Points) + exam.Fixed.Sum(f => f.Points);
        await db.SaveChangesAsync();
        pools.Invalidate();
        if (invite)
            await notifications.NotifyAsync(
                new(
                    org.Id,
                    NotificationCategory.Exam,
                    $"考试邀请:{exam.Title}",
                    $"请于{Input.OpensAt:yyyy-MM-dd HH:mm}至{Input.ClosesAt:yyyy-MM-dd HH:mm}参加在线考试“{exam.Title}”。"
                )
                {
                    Link = "/Exams/Mine",
                },
                (
                    await NotificationAudience.ResolveAsync(db, new AudienceSpec { ExamId = exam.Id }, clock, default)
                ).Members
            );
        TempData["Status"] = $"已保存考试“{exam.Title}”(满分 {exam.TotalPoints:0.##} 分)。";
        return Redirect("/Exams");
    }

    /// <summary>A form's China time as UTC (PostgreSQL stores only UTC-kind times).</summary>
    private static DateTime FromChina(DateTime local) =>
        DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);

    private async Task LoadListsAsync()
    {
        Orgs =
        [
            .. (
                await db
                    .AdministeredOrganizations.OrderBy(o => o.Path)
                    .Take(500)
                    .Select(o => new
                    {
                        o.Id,
                        o.Name,
                        o.Depth,
                    })
                    .ToListAsync()
            ).Select(o => (o.Id, new string('　', Math.Min(o.Depth, 6)) + o.Name)),
        ];
        var path = await db
            .AdministeredOrganizations.Where(o => o.Id == Input.OrganizationId)
            .Select(o => o.Path)
            .FirstOrDefaultAsync()
            ?? await db.AdministeredOrganizations.OrderBy(o => o.Path).Select(o => o.Path).FirstOrDefaultAsync()
            ?? "/";
        var all = await QuestionBank.CategoriesFor(db, path).AsNoTracking().ToListAsync();
        Categories =
        [
            .. all.Select(c => (c.Id, QuestionBank.PathName(all, c.Id))).OrderBy(c => c.Item2, StringComparer.Ordinal),
        ];
    }
}
