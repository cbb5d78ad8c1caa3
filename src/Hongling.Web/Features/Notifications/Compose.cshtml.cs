using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Notifications;

/// <summary>短信/通知群发: an administrator writes a message, picks an audience in their scope and channels, previews
/// what each channel reaches, then sends now or at a time.</summary>
public sealed class ComposeModel(HonglingDb db, NotificationQueue queue, TimeProvider clock) : PageModel
{
    public sealed class ComposeInput
    {
        [Display(Name = "标题")]
        public string? Title { get; set; }

        [Display(Name = "内容")]
        public string? Text { get; set; }

        [Display(Name = "类别")]
        public NotificationCategory Category { get; set; } = NotificationCategory.General;
        public List<int> Orgs { get; set; } = [];

        [Display(Name = "包含下级组织")]
        public bool IncludeSubtrees { get; set; } = true;
        public int? ExamId { get; set; }

        [Display(Name = "指定党员(红色身份证号,每行一个)")]
        public string? Cards { get; set; }
        public List<MemberStatus> Statuses { get; set; } = [];

        [Display(Name = "仅流动党员")]
        public bool FloatingOnly { get; set; }

        [Display(Name = "仅本月未学习的党员")]
        public bool NotStudiedThisMonth { get; set; }

        [Display(Name = "同时发邮件")]
        public bool ByEmail { get; set; }

        [Display(Name = "同时发短信")]
        public bool BySms { get; set; }

        [Display(Name = "紧急(夜间也发短信)")]
        public bool Urgent { get; set; }

        [Display(Name = "定时发送(北京时间,留空为立即发送)")]
        public DateTime? At { get; set; }
    }

    public sealed record Option(int Id, string Name, int Depth);

    [BindProperty]
    public ComposeInput Input { get; set; } = new();
    public IReadOnlyList<Option> Organizations { get; private set; } = [];
    public IReadOnlyList<Option> Exams { get; private set; } = [];
    public NotificationQueue.Preview? Preview { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadAsync();
        if (await PrepareAsync() is not { } prepared)
            return Page();
        Preview = await queue.PreviewAsync(prepared.Draft, prepared.Members, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        await LoadAsync();
        if (await PrepareAsync() is not { } prepared)
            return Page();
        try
        {
            var n = await queue.SendAsync(prepared.Draft, prepared.Members, HttpContext.RequestAborted);
            TempData["Status"] = $"已发送“{n.Title}”,共{n.RecipientCount}人。";
            return RedirectToPage("Report", new { id = n.Id });
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
            return Page();
        }
    }

    private async Task<(NotificationDraft Draft, IQueryable<Member> Members)?> PrepareAsync()
    {
        var cards = (Input.Cards ?? "")
            .Split(['\n', '\r', ',', ',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Distinct()
            .ToList();
        var picked = await db
            .AdministeredMembers.Where(m => m.CardNumber != null && cards.Contains(m.CardNumber))
            .Select(m => new { m.Id, m.CardNumber })
            .ToListAsync();
        if (picked.Count < cards.Count)
        {
            var unknown = cards.Except(picked.Select(p => p.CardNumber!)).Take(20);
            ModelState.AddModelError("Input.Cards", $"以下红色身份证号不在您管辖的范围内:{string.Join("、", unknown)}");
            return null;
        }
        var at = Input.At is { } local
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : (DateTimeOffset?)null;
        var request = new ComposeRequest
        {
            Title = Input.Title,
            Text = Input.Text,
            Category = Input.Category,
            ByEmail = Input.ByEmail,
            BySms = Input.BySms,
            Urgent = Input.Urgent,
            At = at,
            Audience = new AudienceSpec
            {
                OrgIds = Input.Orgs,
                IncludeSubtrees = Input.IncludeSubtrees,
                ExamId = Input.ExamId,
                MemberIds = [.. picked.Select(p => p.Id)],
                Statuses = Input.Statuses,
                FloatingOnly = Input.FloatingOnly,
                NotStudiedThisMonth = Input.NotStudiedThisMonth,
            },
        };
        try
        {
            return await request.PrepareAsync(db, queue, clock, HttpContext.RequestAborted);
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
            return null;
        }
    }

    private async Task LoadAsync()
    {
        Organizations = await db
            .AdministeredOrganizations.OrderBy(o => o.Path)
            .Take(300)
            .Select(o => new Option(o.Id, o.Name, o.Depth))
            .ToListAsync();
        var minDepth = Organizations.Count == 0 ? 0 : Organizations.Min(o => o.Depth);
        Organizations = [.. Organizations.Where(o => o.Depth <= minDepth + 2)];
        Exams = await db.AdministeredRows<Exam>()
            .OrderByDescending(e => e.OpensAt)
            .Take(50)
            .Select(e => new Option(e.Id, e.Title, 0))
            .ToListAsync();
    }
}
