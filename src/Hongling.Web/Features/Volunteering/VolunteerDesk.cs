using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>The volunteer service rules: signing up, withdrawing, and the organizer confirming hours.</summary>
public sealed class VolunteerDesk(HonglingDb db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Signs the member up (again, after withdrawing) for a project that has not ended and has room. The
    /// limit is read before the insert: two members signing up for the last place at once may both get in.</summary>
    public async Task SignUpAsync(VolunteerProject p, int memberId, int branchId, CancellationToken ct = default)
    {
        if (DateTime.SpecifyKind(p.EndsAt, DateTimeKind.Utc) <= Now)
            throw new RuleException(RuleErrors.VolunteerProjectEnded);
        var row = await db.VolunteerSignUps.FirstOrDefaultAsync(s => s.ProjectId == p.Id && s.MemberId == memberId, ct);
        if (row is { WithdrawnAt: null })
            throw new RuleException(RuleErrors.VolunteerAlreadySignedUp);
        if (p.Capacity is { } cap && await db.VolunteersSignedUpAsync(p.Id, ct) >= cap)
            throw new RuleException(RuleErrors.VolunteerProjectFull);
        if (row is null)
            db.VolunteerSignUps.Add(
                new VolunteerSignUp
                {
                    ProjectId = p.Id,
                    MemberId = memberId,
                    OrganizationId = branchId,
                    SignedUpAt = Now,
                }
            );
        else
            (row.WithdrawnAt, row.SignedUpAt) = (null, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The member withdraws before the project starts.</summary>
    public async Task WithdrawAsync(VolunteerSignUp s, CancellationToken ct = default)
    {
        if (DateTime.SpecifyKind(s.Project.StartsAt, DateTimeKind.Utc) <= Now)
            throw new RuleException(RuleErrors.VolunteerProjectEnded);
        s.WithdrawnAt = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The most hours one volunteer can serve in a project: its length, in half hours, at least half an
    /// hour.</summary>
    public static decimal MaxHours(VolunteerProject p) =>
        Math.Max(0.5m, Math.Floor((decimal)(p.EndsAt - p.StartsAt).TotalHours * 2) / 2);

    /// <summary>The organizer confirms a volunteer's hours (or corrects them) once the project has begun.</summary>
    public async Task ConfirmHoursAsync(VolunteerSignUp s, decimal hours, CancellationToken ct = default)
    {
        if (DateTime.SpecifyKind(s.Project.StartsAt, DateTimeKind.Utc) > Now)
            throw new RuleException(RuleErrors.VolunteerHoursTooEarly);
        var max = MaxHours(s.Project);
        if (hours < 0.5m || hours > max || hours * 2 != Math.Floor(hours * 2))
            throw new RuleException(RuleErrors.VolunteerHoursInvalid(max));
        (s.Hours, s.ConfirmedAt, s.ConfirmedBy) = (hours, Now, db.Scope.ActorName);
        await db.SaveChangesAsync(ct);
    }
}
