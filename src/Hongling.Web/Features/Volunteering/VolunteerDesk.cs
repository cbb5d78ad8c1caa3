using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Volunteering;

/// <summary>The volunteer service rules: signing up, withdrawing, and the organizer confirming hours.</summary>
public sealed class VolunteerDesk(HonglingDb db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly RuleError ProjectNotFound = new(
        "volunteer_project_not_found",
        "没有找到该志愿服务项目,或它不面向您所在的组织",
        404
    );

    /// <summary>The signed-in member signs up for a project published to their branch.</summary>
    public async Task<VolunteerProject> SignUpMemberAsync(int projectId, CancellationToken ct = default)
    {
        var p = await db.VolunteerProjects.FirstOrDefaultAsync(x => x.Id == projectId, ct);
        if (db.Scope.MemberId is not { } me || p is null || !Audience.Reaches(p, db.Scope.MemberOrgPath))
            throw new RuleException(ProjectNotFound);
        var branch = await db.Members.Where(m => m.Id == me).Select(m => m.OrganizationId).FirstAsync(ct);
        await SignUpAsync(p, me, branch, ct);
        return p;
    }

    /// <summary>The signed-in member withdraws their live sign-up.</summary>
    public async Task<VolunteerProject> WithdrawMemberAsync(int projectId, CancellationToken ct = default)
    {
        var s = await db
            .VolunteerSignUps.Include(x => x.Project)
            .FirstOrDefaultAsync(
                x => x.ProjectId == projectId && x.MemberId == db.Scope.MemberId && x.WithdrawnAt == null,
                ct
            )
            ?? throw new RuleException(ProjectNotFound);
        await WithdrawAsync(s, ct);
        return s.Project;
    }

    /// <summary>Signs the member up (again, after withdrawing) for a project that has not ended and has room. In a
    /// project with a limit the sign-up takes the first free place; two members taking the last one at the same moment
    /// both try to save it, the unique index over live places lets one in, and the other looks again and finds the
    /// project full.</summary>
    public async Task SignUpAsync(VolunteerProject p, int memberId, int branchId, CancellationToken ct = default)
    {
        if (DateTime.SpecifyKind(p.EndsAt, DateTimeKind.Utc) <= Now)
            throw new RuleException(RuleErrors.VolunteerProjectEnded);
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.VolunteerSignUps.FirstOrDefaultAsync(
                s => s.ProjectId == p.Id && s.MemberId == memberId,
                ct
            );
            if (row is { WithdrawnAt: null })
                throw new RuleException(RuleErrors.VolunteerAlreadySignedUp);
            int? place = null;
            if (p.Capacity is { } cap)
            {
                var taken = await db.VolunteerPlacesTakenAsync(p.Id, ct);
                place = Enumerable.Range(1, cap).Except(taken).FirstOrDefault();
                if (place == 0 || attempt > cap)
                    throw new RuleException(RuleErrors.VolunteerProjectFull);
            }
            row ??= db
                .VolunteerSignUps.Add(
                    new VolunteerSignUp
                    {
                        ProjectId = p.Id,
                        MemberId = memberId,
                        OrganizationId = branchId,
                    }
                )
                .Entity;
            (row.WithdrawnAt, row.SignedUpAt, row.Place) = (null, Now, place);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Lost a race for the place (or the member signed up twice at once): read again from scratch.
                db.ChangeTracker.Clear();
            }
        }
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
