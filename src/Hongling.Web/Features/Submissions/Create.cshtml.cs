using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Submissions;

/// <summary>A submitting unit's administrator sends a news item to the district.</summary>
public sealed class CreateModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed class SubmissionInput
    {
        [
            Required(ErrorMessage = "请填写标题"),
            StringLength(100, ErrorMessage = "标题不超过100字"),
            Display(Name = "标题")
        ]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写正文"), StringLength(50_000, ErrorMessage = "正文过长"), Display(Name = "正文")]
        public string? Body { get; set; }

        [
            Required(ErrorMessage = "请填写作者"),
            StringLength(50, ErrorMessage = "作者不超过50字"),
            Display(Name = "作者")
        ]
        public string? Author { get; set; }

        [StringLength(40, ErrorMessage = "专栏名称不超过40字"), Display(Name = "建议专栏(可不填)")]
        public string? Column { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public SubmissionInput Input { get; set; } = new();
    public ScopedOrg Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Org is null || await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        if (!SubmissionRules.IsUnit(org.Depth))
            ModelState.AddModelError("", "只有区直属单位(镇街、部门、直属党委)可以报送信息");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Org is null || await ScopedOrg.PickAsync(db, Org) is not { } org)
            return NotFound();
        Current = org;
        if (!SubmissionRules.IsUnit(org.Depth))
            ModelState.AddModelError("", "只有区直属单位(镇街、部门、直属党委)可以报送信息");
        var body = RichText.Clean(Input.Body);
        if (body.Refusal is { } refusal)
            ModelState.AddModelError("Input.Body", refusal);
        else if (ModelState.IsValid && body.Html is null)
            ModelState.AddModelError("Input.Body", "正文不能为空");
        if (!ModelState.IsValid)
            return Page();
        db.Submissions.Add(
            new Submission
            {
                OrganizationId = org.Id,
                Title = Input.Title!.Trim(),
                Body = body.Html!,
                Author = Input.Author!.Trim(),
                Column = Input.Column.NullIfBlank(),
                SubmittedAt = clock.GetUtcNow().UtcDateTime,
                SubmittedBy = db.Scope.ActorName,
                State = SubmissionState.Submitted,
            }
        );
        await db.SaveChangesAsync();
        TempData["Status"] = $"已报送“{Input.Title!.Trim()}”,等待区委组织部审核。";
        return RedirectToPage("Index", new { org = org.Id });
    }
}
