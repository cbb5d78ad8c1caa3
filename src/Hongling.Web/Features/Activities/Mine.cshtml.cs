using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Activities;

/// <summary>My activities (我的活动): a member confirms or asks for leave, and sees where they were present.</summary>
[SignedInPage]
public sealed class MineModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyActivity> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyActivity> Past { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>My attendance this year (China time): activities begun that I was expected at, and those I
    /// attended.</summary>
    public AttendanceFigures ThisYear { get; private set; } = new(0, 0, 0);

    [TempData]
    public string? Status { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int participantId) =>
        ReplyAsync(participantId, ParticipantReply.Confirmed, null);

    public Task<IActionResult> OnPostLeaveAsync(int participantId, string? reason) =>
        ReplyAsync(participantId, ParticipantReply.Leave, reason);

    /// <summary>Takes back a confirmation or a leave request: the answer is pending again, as before.</summary>
    public Task<IActionResult> OnPostUndoAsync(int participantId) =>
        ReplyAsync(participantId, ParticipantReply.Pending, null);

    private async Task<IActionResult> ReplyAsync(int participantId, ParticipantReply reply, string? reason)
    {
        if (db.Scope.MemberId is not { } me)
            return NotFound();
        var row = await db
            .ActivityParticipants.Include(p => p.Activity)
            .FirstOrDefaultAsync(p => p.Id == participantId && p.MemberId == me);
        if (row is null)
            return NotFound();
        reason = reason?.Trim();
        Error =
            row.Activity.EndsAt < Now ? "活动已经结束,无法再回复。"
            : reply == ParticipantReply.Leave && string.IsNullOrEmpty(reason) ? "请假请填写事由。"
            : reason is { Length: > 200 } ? "请假事由不超过200字。"
            : null;
        if (Error is not null)
        {
            await LoadAsync();
            return Page();
        }
        (row.Reply, row.LeaveReason, row.RepliedAt) = (
            reply,
            reply == ParticipantReply.Leave ? reason : null,
            reply == ParticipantReply.Pending ? null : Now
        );
        // The scope's own-row rule admits it: the member's answer on their own row ([MemberSets] properties).
        await db.SaveChangesAsync();
        Status = reply switch
        {
            ParticipantReply.Leave => $"已向支部请假:{row.Activity.Topic}",
            ParticipantReply.Confirmed => $"已确认参加:{row.Activity.Topic}",
            _ => $"已撤销回复:{row.Activity.Topic},请重新选择参加或请假",
        };
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        if (db.Scope.MemberId is not { } me)
            return;
        Upcoming = await MyActivity.UpcomingAsync(db, me, Now, take: 50);
        Past = await MyActivity.PastAsync(db, me, Now);
        var yearStart = new DateTime(clock.TodayInChina().Year, 1, 1, 0, 0, 0, DateTimeKind.Utc) - ChinaTime.Offset;
        ThisYear = await db
            .ActivityParticipants.Where(p =>
                p.MemberId == me && p.Activity.StartsAt >= yearStart && p.Activity.StartsAt < Now
            )
            .GroupBy(_ => 1)
            .Select(g => new AttendanceFigures(
                g.Count(),
                g.Count(p => p.CheckedInAt != null),
                g.Count(p => p.CheckedInAt == null && p.Reply == ParticipantReply.Leave)
            ))
            .FirstOrDefaultAsync()
            ?? ThisYear;
    }
}
