using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>Moves recruits through the stages of development (发展党员), one step at a time, and makes
/// probationary members full members (转正). Every stage change writes a RecruitStep in the same save as
/// the change; the audit log records the recruit's and the member's changes.</summary>
public sealed class DevelopmentDesk(HonglingDb db, PiiProtector pii, IdNumberRegistry registry, TimeProvider clock)
{
    /// <summary>A refused step, with the form field it concerns.</summary>
    public sealed class RuleException(string fieldName, string message) : Exception(message)
    {
        public string Field { get; } = fieldName;
    }

    public const string DateField = "On";
    private const string Raced = "该人员的发展阶段刚刚已被他人更新,请刷新后查看";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => clock.TodayInChina();

    /// <summary>A recruit in the caller's scope with its history, or null.</summary>
    public Task<Recruit?> FindAsync(int id) =>
        db.Recruits.Include(r => r.Organization).Include(r => r.Steps.OrderBy(s => s.On).ThenBy(s => s.Id)).FirstOrDefaultAsync(r => r.Id == id);

    /// <summary>Activist, candidate or, through the linked member, full member. Admission needs the member's data: <see cref="AdmitAsync"/>.</summary>
    public async Task AdvanceAsync(Recruit recruit, DevelopmentStage to, DateOnly? on, string? note)
    {
        var date = on ?? throw new RuleException(DateField, $"请填写{DevelopmentRules.StepName(to)}日期");
        if (DevelopmentRules.CheckStep(recruit, to, date, Today) is { } problem) throw new RuleException(DateField, problem);
        if (to == DevelopmentStage.Probationary) throw new RuleException(DateField, "接收为预备党员须同时填写党员信息,请在“接收为预备党员”页办理");
        if (to == DevelopmentStage.Full)
        {
            if (recruit.MemberId is not { } memberId) throw new RuleException(DateField, "该人员没有对应的党员档案,无法办理转正");
            try { await MakeFullAsync(memberId, date, note); }
            catch (KeyNotFoundException) { throw new RuleException(DateField, "该党员已不在您管辖的党组织(可能已转接),请由其所在党组织办理转正"); }
            return;
        }
        DevelopmentRules.Apply(recruit, to, date, note, db.Scope.ActorName, Now);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { throw new RuleException(DateField, Raced); }
    }

    /// <summary>Admits a candidate as a probationary member (接收为预备党员): the member record is filled with the
    /// member form's own rules and created in the same transaction as the step. Returns null, with the
    /// problems in <paramref name="state"/> and nothing saved, when something is wrong.</summary>
    public async Task<Member?> AdmitAsync(Recruit recruit, DateOnly? on, string? note, MemberInput input, ModelStateDictionary state)
    {
        // Admission fixes these three; the form does not show them.
        foreach (var fixedField in new[] { nameof(MemberInput.JoinedOn), nameof(MemberInput.Status), nameof(MemberInput.OrganizationId) })
            state.Remove("Input." + fixedField);
        input.JoinedOn = on;
        input.Status = MemberStatus.Probationary;
        input.OrganizationId = recruit.OrganizationId;

        if (on is not { } date) state.AddModelError(DateField, "请填写接收为预备党员日期");
        else if (DevelopmentRules.CheckStep(recruit, DevelopmentStage.Probationary, date, Today) is { } problem) state.AddModelError(DateField, problem);
        var mine = new ModelStateDictionary();
        await input.ValidateAsync(mine, db, pii, registry, Today, existing: null);
        foreach (var (key, entry) in mine)
            foreach (var error in entry.Errors)
                // The admission date is the joining date (e.g. "入党日期应在年满18周岁之后"); the branch is the recruit's.
                state.AddModelError(key switch { "Input.JoinedOn" => DateField, "Input.OrganizationId" => "", _ => key }, error.ErrorMessage);
        if (!state.IsValid) return null;

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
            // A second submission at the same moment: the recruit's stage (a concurrency token) or the ID number's uniqueness refuses it.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            state.AddModelError("", Raced);
            return null;
        }
    }

    /// <summary>转正: any probationary member in the caller's scope, recruited here or not, once the year of
    /// probation is over. A linked recruit gets its full-membership step in the same save.</summary>
    public async Task MakeFullAsync(int memberId, DateOnly? on, string? note)
    {
        var member = await db.AdministeredMembers.FirstOrDefaultAsync(m => m.Id == memberId)
            ?? throw new KeyNotFoundException();
        if (member.Status != MemberStatus.Probationary) throw new RuleException(DateField, $"{member.Name} 已是正式党员");
        if (on is not { } date) throw new RuleException(DateField, "请填写转正日期");
        if (date > Today) throw new RuleException(DateField, "转正日期不能晚于今天");
        var due = DevelopmentRules.FullMembershipDue(member.JoinedOn);
        if (date < due)
            throw new RuleException(DateField, $"预备期为一年:{member.Name} 于{member.JoinedOn:yyyy年M月d日}接收为预备党员,最早可在{due:yyyy年M月d日}转为正式党员");
        var now = Now;
        member.Status = MemberStatus.Full;
        member.FullMemberOn = date;
        member.UpdatedAt = now;
        // The development record stays with the branch that recruited; the member may have moved since. The
        // member is in the caller's scope, so completing the history they link to is theirs to do.
        var recruit = await db.Recruits.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.MemberId == member.Id);
        if (recruit?.Stage == DevelopmentStage.Probationary)
            DevelopmentRules.Apply(recruit, DevelopmentStage.Full, date, note, db.Scope.ActorName, now);
        try
        {
            using (recruit is not null && !db.Scope.Covers(recruit.OrgPath) ? db.Scope.Elevate() : null)
                await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException) { throw new RuleException(DateField, Raced); }
    }
}
