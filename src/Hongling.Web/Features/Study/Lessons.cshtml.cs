using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>Ten-minute lessons (十分钟党课): a branch's administrator asks its members to study a material
/// published to the branch at a set time; the list holds the lessons of the administered organizations.</summary>
public sealed class LessonsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed class LessonInput
    {
        [Required(ErrorMessage = "请选择党支部")]
        public int? BranchId { get; set; }

        [Required(ErrorMessage = "请选择学习资料")]
        public int? MaterialId { get; set; }

        /// <summary>China time, as the form's datetime-local field sends it.</summary>
        [Required(ErrorMessage = "请填写党课时间")]
        public DateTime? ScheduledAt { get; set; }

        [StringLength(500, ErrorMessage = "备注不超过500字")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public LessonInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public sealed record Row(int Id, string Branch, string Title, DateTime ScheduledAt, string? Note);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Choice(int Id, string Name);

    public IReadOnlyList<Choice> BranchChoices { get; private set; } = [];
    public IReadOnlyList<Choice> MaterialChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var branch = Input.BranchId is { } b
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == b && o.Kind == OrgKind.Branch)
                .Select(o => new { o.Id, o.Path })
                .FirstOrDefaultAsync(ct)
            : null;
        if (Input.BranchId is not null && branch is null)
            ModelState.AddModelError("Input.BranchId", "请选择您管理的党支部");
        var material = Input.MaterialId is { } m
            ? await db
                .Materials.Where(x => x.Id == m && !x.Withdrawn)
                .Select(x => new { x.Id, Audiences = x.Audiences.Select(a => a.Path).ToList() })
                .FirstOrDefaultAsync(ct)
            : null;
        if (Input.MaterialId is not null && material is null)
            ModelState.AddModelError("Input.MaterialId", "找不到该学习资料,或已撤回");
        // The branch's members must be able to read the material: published to the branch or above it.
        if (
            branch is not null
            && material is not null
            && !material.Audiences.Any(a => branch.Path.StartsWith(a, StringComparison.Ordinal))
        )
            ModelState.AddModelError(
                "Input.MaterialId",
                "该学习资料没有发布到这个党支部,支部党员看不到,不能安排为该支部的党课"
            );
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var note = Input.Note?.Trim();
        db.Lessons.Add(
            new Lesson
            {
                OrganizationId = branch!.Id,
                MaterialId = material!.Id,
                AudiencePath = branch.Path,
                AudienceIncludesSubtree = true,
                ScheduledAt = DateTime.SpecifyKind(Input.ScheduledAt!.Value - ChinaTime.Offset, DateTimeKind.Utc),
                Note = string.IsNullOrEmpty(note) ? null : note,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync(ct);
        Status = "十分钟党课已安排,支部党员在“我的学习”中可以看到。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.AdministeredRows<Lesson>()
            .OrderByDescending(l => l.ScheduledAt)
            .Take(100)
            .Select(l => new Row(l.Id, l.Organization.Name, l.Material.Title, l.ScheduledAt, l.Note))
            .ToListAsync(ct);
        BranchChoices = await db
            .AdministeredOrganizations.Where(o => o.Kind == OrgKind.Branch)
            .OrderBy(o => o.Path)
            .Take(500)
            .Select(o => new Choice(o.Id, o.Name))
            .ToListAsync(ct);
        MaterialChoices = await db
            .Materials.Where(x => !x.Withdrawn)
            .OrderByDescending(x => x.PublishAt)
            .Take(200)
            .Select(x => new Choice(x.Id, x.Title))
            .ToListAsync(ct);
    }
}
