using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>Organizing an activity: its organization's members are the participants unless the
/// administrator narrows the list; they see the notice on their home page.</summary>
public sealed class CreateModel(HonglingDb db, TimeProvider clock, NotificationQueue notifications) : PageModel
{
    /// <summary>The member list is offered for narrowing up to this size; a larger subtree invites everyone.</summary>
    public const int MaxListed = 500;

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public sealed record OrgChoice(int Id, string Name);

    public IReadOnlyList<OrgChoice> Orgs { get; private set; } = [];

    public sealed record Person(int Id, string Name, string Branch);

    public IReadOnlyList<Person> Members { get; private set; } = [];
    public int MemberCount { get; private set; }
    public string OrgName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(Org) is null)
            return NotFound();
        var start = clock.GetUtcNow().UtcDateTime.AddDays(1).Date.AddHours(1); // tomorrow 09:00 China time
        Input = new ActivityInput
        {
            OrganizationId = Org!.Value,
            StartsAt = start + Infrastructure.ChinaTime.Offset,
            EndsAt = start.AddHours(2) + Infrastructure.ChinaTime.Offset,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Another subtree's organization is a tampered post: 404, nothing stored.
        if (await LoadAsync(Input.OrganizationId) is not { } org)
            return NotFound();
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid)
            return Page();

        List<(int Id, int OrganizationId)> invited;
        if (Input.AllMembers)
            invited =
            [
                .. (
                    await db
                        .AdministeredMembers.InSubtree(org.Path)
                        .Select(m => new { m.Id, m.OrganizationId })
                        .ToListAsync()
                ).Select(m => (m.Id, m.OrganizationId)),
            ];
        else
        {
            var chosen = await db
                .AdministeredMembers.Where(m => Input.MemberIds.Contains(m.Id))
                .Select(m => new
                {
                    m.Id,
                    m.OrganizationId,
                    m.OrgPath,
                })
                .ToListAsync();
            if (chosen.Count != Input.MemberIds.Distinct().Count())
                return NotFound(); // an id outside the scope
            if (chosen.Any(m => !m.OrgPath.StartsWith(org.Path, StringComparison.Ordinal)))
            {
                ModelState.AddModelError("Input.MemberIds", "参加人员应为本组织(含下级组织)的党员");
                return Page();
            }
            invited = [.. chosen.Select(m => (m.Id, m.OrganizationId))];
        }
        if (invited.Count == 0)
        {
            ModelState.AddModelError("Input.MemberIds", "该组织还没有党员,无法安排参加人员");
            return Page();
        }
        var activity = new Activity
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            AudienceIncludesSubtree = true,
            Kind = Input.Kind,
            Topic = Input.Topic!.Trim(),
            Place = Input.Place!.Trim(),
            StartsAt = Input.StartsAtUtc,
            EndsAt = Input.EndsAtUtc,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.Scope.ActorName,
            Participants =
            [
                .. invited.Select(m => new ActivityParticipant { MemberId = m.Id, OrganizationId = m.OrganizationId }),
            ],
        };
        // The activity and its invitations' messages commit together.
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        await notifications.NotifyAsync(
            Invitation(org, activity),
            db.AdministeredMembers.Where(m =>
                db.ActivityParticipants.Any(p => p.ActivityId == activity.Id && p.MemberId == m.Id)
            )
        );
        await tx.CommitAsync();
        TempData["Status"] = $"活动已发布,已通知 {invited.Count} 名党员。";
        return RedirectToPage("Detail", new { id = activity.Id });
    }

    private static NotificationDraft Invitation(Organization org, Activity a) =>
        new(
            org.Id,
            NotificationCategory.Activity,
            NotificationDraft.Titled($"活动通知:{a.Topic}"),
            $"{org.Name}将于{a.StartsAt.ToChina():yyyy年M月d日 HH:mm}在{a.Place}开展“{a.Topic}”,请准时参加;"
                + "不能参加的请在“我的活动”中请假。"
        )
        {
            Link = "/Activities/Mine",
            AudienceDescription = "活动参加人员",
        };

    private async Task<Organization?> LoadAsync(int? id)
    {
        Orgs = await db
            .AdministeredOrganizations.OrderBy(o => o.Path)
            .Take(200)
            .Select(o => new OrgChoice(o.Id, o.Name))
            .ToListAsync();
        var org = id is { } i
            ? await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Id == i)
            : await db.AdministeredOrganizations.OrderBy(o => o.Path).FirstOrDefaultAsync();
        if (org is null)
            return null;
        Org = org.Id;
        OrgName = org.Name;
        var subtree = db.AdministeredMembers.InSubtree(org.Path);
        MemberCount = await subtree.CountAsync();
        if (MemberCount <= MaxListed)
            Members = await subtree
                .OrderBy(m => m.OrgPath)
                .ThenBy(m => m.Name)
                .Select(m => new Person(m.Id, m.Name, m.Organization.Name))
                .ToListAsync();
        return org;
    }
}
