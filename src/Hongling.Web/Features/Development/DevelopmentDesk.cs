using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>Moves recruits through the stages of development (发展党员), one step at a time, and makes
/// probationary members full members (转正). Every stage change writes a RecruitStep in the same save as
/// the change; the audit log records the recruit's and the member's changes. A refused step is a
/// <see cref="RuleException"/> on the date field.</summary>
public sealed class DevelopmentDesk(HonglingDb db, PiiProtector pii, IdNumberRegistry registry, TimeProvider clock)
{
    public const string DateField = "On";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => clock.TodayInChina();

    /// <summary>A recruit in the caller's scope with its history, or null.</summary>
    public Task<Recruit?> FindAsync(int id) =>
        db
            .Recruits.Include(r => r.Organization)
            .Include(r => r.Steps.OrderBy(s => s.On).ThenBy(s => s.Id))
            .FirstOrDefaultAsync(r => r.Id == id);

    /// <summary>Activist, candidate or, through the linked member, full member. Admission needs the member's data: <see
    /// cref="AdmitAsync"/>.</summary>
    public async Task AdvanceAsync(Recruit recruit, DevelopmentStage to, DateOnly? on, string? note)
    {
        var date = on ?? throw Refused(RuleErrors.StepDateRequired(DevelopmentRules.StepName(to)));
        if (DevelopmentRules.CheckStep(recruit, to, date, Today) is { } problem)
            throw Refused(problem);
        if (to == DevelopmentStage.Probationary)
            throw Refused(RuleErrors.AdmitOnItsOwnPage);
        if (to == DevelopmentStage.Full)
        {
            if (recruit.MemberId is not { } memberId)
                throw Refused(RuleErrors.RecruitWithoutMember);
            try
            {
                await MakeFullAsync(memberId, date, note);
            }
            catch (KeyNotFoundException)
            {
                throw Refused(RuleErrors.FullMemberGone);
            }
            return;
        }
        DevelopmentRules.Apply(recruit, to, date, note, db.Scope.ActorName, Now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refused(RuleErrors.DevelopmentRaced);
        }
    }

    /// <summary>Admits a candidate as a probationary member (接收为预备党员): the member record is filled with the
    /// member form's own rules and created in the same transaction as the step. Returns null, with the
    /// problems in <paramref name="state"/> and nothing saved, when something is wrong.</summary>
    public async Task<Member?> AdmitAsync(
        Recruit recruit,
        DateOnly? on,
        string? note,
        MemberInput input,
        ModelStateDictionary state
    )
    {
        // Admission fixes these three; the form does not show them.
        foreach (
            var fixedField in new[]
            {
                nameof(MemberInput.JoinedOn),
                nameof(MemberInput.Status),
                nameof(MemberInput.OrganizationId),
            }
        )
            state.Remove("Input." + fixedField);
        input.JoinedOn = on;
        input.Status = MemberStatus.Probationary;
        input.OrganizationId = recruit.OrganizationId;

        if (on is not { } date)
            state.AddModelError(DateField, "请填写接收为预备党员日期");
        else if (DevelopmentRules.CheckStep(recruit, DevelopmentStage.Probationary, date, Today) is { } problem)
            state.AddModelError(DateField, problem.Message);
        var mine = new ModelStateDictionary();
        await input.ValidateAsync(mine, db, pii, registry, Today, existing: null);
        foreach (var (key, entry) in mine)
        foreach (var error in entry.Errors)
            // The admission date is the joining date (e.g. "入党日期应在年满18周岁之后"); the branch is the recruit's.
            state.AddModelError(
                key switch
                {
                    "Input.JoinedOn" => DateField,
                    "Input.OrganizationId" => "",
                    _ => key,
                },
                error.ErrorMessage
            );
        if (!state.IsValid)
            return null;

        var now = Now;
        var member = new Member { Name = "", CreatedAt = now };
        input.ApplyTo(member, pii, now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            db.Members.Add(member);
            await db.SaveChangesAsync();
            recruit.MemberId = member.Id;
            recruit.Name = member.Name;
            recruit.Gender = member.Gender;
            recruit.Mobile = member.Mobile;
            DevelopmentRules.Apply(recruit, DevelopmentStage.Probationary, on!.Value, note, db.Scope.ActorName, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return member;
        }
        catch (DbUpdateException)
        {
            // A second submission at the same moment: the recruit's stage (a concurrency token) or the ID number's
            // uniqueness refuses it.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            state.AddModelError("", RuleErrors.DevelopmentRaced.Message);
            return null;
        }
    }

    /// <summary>转正: any probationary member in the caller's scope, recruited here or not, once the year of
    /// probation is over. A linked recruit gets its full-membership step in the same save.</summary>
    public async Task MakeFullAsync(int memberId, DateOnly? on, string? note)
    {
        var member = await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == memberId)
            ?? throw new KeyNotFoundException();
        if (member.Status != MemberStatus.Probationary)
            throw Refused(RuleErrors.AlreadyFull(member.Name));
        if (on is not { } date)
            throw Refused(RuleErrors.FullDateRequired);
        if (date > Today)
            throw Refused(RuleErrors.FullDateInFuture);
        var due = DevelopmentRules.FullMembershipDue(member.JoinedOn);
        if (date < due)
            throw Refused(RuleErrors.ProbationYearNotOver(member.Name, member.JoinedOn, due));
        var now = Now;
        member.Status = MemberStatus.Full;
        member.FullMemberOn = date;
        member.UpdatedAt = now;
        // The development record stays with the branch that recruited; the member may have moved since. The
        // member is in the caller's scope, so completing the history they link to is theirs to do.
        var recruit = await db.RecruitsOfThePlatform.FirstOrDefaultAsync(r => r.MemberId == member.Id);
        if (recruit?.Stage == DevelopmentStage.Probationary)
            DevelopmentRules.Apply(recruit, DevelopmentStage.Full, date, note, db.Scope.ActorName, now);
        try
        {
            using (
                recruit is not null && !db.Scope.Administers(recruit.OrgPath)
                    ? db.Scope.ForRecruitingBranchRecord()
                    : null
            )
                await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Refused(RuleErrors.DevelopmentRaced);
        }
    }

    /// <summary>Every refusal here concerns the date of the step.</summary>
    private static RuleException Refused(RuleError error) => new(error, DateField);
}
