using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;

namespace Hongling.Web.Features.Development;

/// <summary>The calendar rules of developing members (发展党员), without the database.</summary>
public static class DevelopmentRules
{
    /// <summary>How far ahead the to-do list (待办) looks for probationary members falling due.</summary>
    public const int TodoWindowDays = 30;

    /// <summary>The one-year probation (预备期一年): the first day a probationary member admitted on
    /// <paramref name="joinedOn"/> may become a full member. The 转正 rule and the to-do list both use it.</summary>
    public static DateOnly FullMembershipDue(DateOnly joinedOn) => joinedOn.AddYears(1);

    /// <summary>The latest admission date whose full membership falls due on or before <paramref name="day"/>,
    /// so the to-do list compares the stored JoinedOn with one parameter in SQL. Derived from
    /// <see cref="FullMembershipDue"/> (which never decreases), so the two agree on every date, 29 February
    /// included.</summary>
    public static DateOnly LastAdmissionDueBy(DateOnly day)
    {
        var joined = day.AddYears(-1);
        while (FullMembershipDue(joined.AddDays(1)) <= day)
            joined = joined.AddDays(1);
        while (FullMembershipDue(joined) > day)
            joined = joined.AddDays(-1);
        return joined;
    }

    /// <summary>An activist is trained for at least a year (培养教育一年以上) before becoming a candidate (发展对象).</summary>
    public static DateOnly EarliestCandidateOn(DateOnly activistOn) => activistOn.AddYears(1);

    /// <summary>The stage after <paramref name="stage"/>, or null after full membership.</summary>
    public static DevelopmentStage? Next(DevelopmentStage stage) => stage == DevelopmentStage.Full ? null : stage + 1;

    /// <summary>What happens on the date of each step, for form labels and messages.</summary>
    public static string StepName(DevelopmentStage stage) =>
        stage switch
        {
            DevelopmentStage.Applicant => "递交入党申请",
            DevelopmentStage.Activist => "确定为入党积极分子",
            DevelopmentStage.Candidate => "确定为发展对象",
            DevelopmentStage.Probationary => "接收为预备党员",
            DevelopmentStage.Full => "转为正式党员",
            _ => "",
        };

    /// <summary>The date the recruit reached <paramref name="stage"/>, if they have.</summary>
    public static DateOnly? DateOf(Recruit r, DevelopmentStage stage) =>
        stage switch
        {
            DevelopmentStage.Applicant => r.AppliedOn,
            DevelopmentStage.Activist => r.ActivistOn,
            DevelopmentStage.Candidate => r.CandidateOn,
            DevelopmentStage.Probationary => r.AdmittedOn,
            DevelopmentStage.Full => r.FullOn,
            _ => null,
        };

    /// <summary>Why the recruit cannot move to <paramref name="to"/> on <paramref name="on"/>, or null when they can:
    /// one stage at a time, no date in the future (China time), none before the previous step's, and
    /// a year of training between activist and candidate.</summary>
    public static RuleError? CheckStep(Recruit r, DevelopmentStage to, DateOnly on, DateOnly today)
    {
        if (to <= r.Stage)
            return RuleErrors.StepRepeated(r.Name, Labels.Of(r.Stage), StepName(to));
        if (to != Next(r.Stage))
            return RuleErrors.StepSkipped(Labels.Of(Next(r.Stage)!.Value));
        if (on > today)
            return RuleErrors.StepDateInFuture(StepName(to));
        var previous = DateOf(r, r.Stage)!.Value;
        if (on < previous)
            return RuleErrors.StepDateBeforePrevious(StepName(to), StepName(r.Stage), previous);
        if (to == DevelopmentStage.Candidate && on < EarliestCandidateOn(previous))
            return RuleErrors.TrainingYearNotOver(EarliestCandidateOn(previous));
        return null;
    }

    /// <summary>Moves the recruit to the next stage and records the step; the caller has checked it.</summary>
    public static RecruitStep Apply(
        Recruit r,
        DevelopmentStage to,
        DateOnly on,
        string? note,
        string recordedBy,
        DateTime now
    )
    {
        switch (to)
        {
            case DevelopmentStage.Activist:
                r.ActivistOn = on;
                break;
            case DevelopmentStage.Candidate:
                r.CandidateOn = on;
                break;
            case DevelopmentStage.Probationary:
                r.AdmittedOn = on;
                break;
            case DevelopmentStage.Full:
                r.FullOn = on;
                break;
        }
        r.Stage = to;
        r.UpdatedAt = now;
        var step = new RecruitStep
        {
            Stage = to,
            On = on,
            Note = note.NullIfBlank(),
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
        r.Steps.Add(step);
        return step;
    }
}
