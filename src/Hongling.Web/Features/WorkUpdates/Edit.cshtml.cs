using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.WorkUpdates;

/// <summary>Publishes, edits or deletes a work update for an administered organization.</summary>
public sealed class EditModel(HonglingDb db, TimeProvider clock, SiteCache site) : PageModel
{
    public sealed class UpdateInput
    {
        public WorkUpdateKind Kind { get; set; } = WorkUpdateKind.Original;

        [StringLength(200, ErrorMessage = "来源不超过200字"), Display(Name = "来源")]
        public string? Source { get; set; }

        [
            Required(ErrorMessage = "请填写标题"),
            StringLength(100, ErrorMessage = "标题不超过100字"),
            Display(Name = "标题")
        ]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写正文"), StringLength(50_000, ErrorMessage = "正文过长"), Display(Name = "正文")]
        public string? Body { get; set; }

        [StringLength(40, ErrorMessage = "专栏名称不超过40字"), Display(Name = "专题专栏(可不填)")]
        public string? Column { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public UpdateInput Input { get; set; } = new();
    public ScopedOrg Current { get; private set; } = null!;
    public int? Id { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var existing = await LoadAsync(id);
        if (existing is false)
            return NotFound();
        if (existing is WorkUpdate w)
            Input = new UpdateInput
            {
                Kind = w.Kind,
                Source = w.Source,
                Title = w.Title,
                Body = w.Body,
                Column = w.Column,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var existing = await LoadAsync(id);
        if (existing is false)
            return NotFound();
        if (!Enum.IsDefined(Input.Kind))
            ModelState.AddModelError("Input.Kind", "请选择动态类型");
        if (WorkUpdate.NeedsSource(Input.Kind) && string.IsNullOrWhiteSpace(Input.Source))
            ModelState.AddModelError("Input.Source", "摘录或转发的动态请注明来源");
        var body = RichText.Clean(Input.Body);
        if (body.Refusal is { } refusal)
            ModelState.AddModelError("Input.Body", refusal);
        else if (ModelState.IsValid && body.Html is null)
            ModelState.AddModelError("Input.Body", "正文不能为空");
        if (!ModelState.IsValid)
            return Page();
        var update =
            existing as WorkUpdate
            ?? db.WorkUpdates.Add(
                new WorkUpdate
                {
                    OrganizationId = Current.Id,
                    PublishedAt = clock.GetUtcNow().UtcDateTime,
                    PublishedBy = db.Scope.ActorName,
                }
            ).Entity;
        update.Kind = Input.Kind;
        update.Source = Input.Source.NullIfBlank();
        update.Title = Input.Title!.Trim();
        update.Body = body.Html!;
        update.Column = Input.Column.NullIfBlank();
        await db.SaveChangesAsync();
        await site.EvictAsync();
        Status = $"已发布工作动态“{update.Title}”。";
        return RedirectToPage("Index", new { org = Current.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await LoadAsync(id) is not WorkUpdate update)
            return NotFound();
        db.WorkUpdates.Remove(update);
        await db.SaveChangesAsync();
        await site.EvictAsync();
        Status = $"已删除工作动态“{update.Title}”。";
        return RedirectToPage("Index", new { org = Current.Id });
    }

    /// <summary>The update being edited (or true for a new one), or false for 404: an id outside the
    /// scope is not found by the filtered query, and a new one needs an administered organization.</summary>
    private async Task<object> LoadAsync(int? id)
    {
        Id = id;
        if (id is { } updateId)
        {
            var update = await db.WorkUpdates.FirstOrDefaultAsync(w => w.Id == updateId);
            if (update is null)
                return false;
            Org = update.OrganizationId;
            Current = (await ScopedOrg.PickAsync(db, Org))!;
            return update;
        }
        if (Org is null || await ScopedOrg.PickAsync(db, Org) is not { } org)
            return false;
        Current = org;
        return true;
    }
}
