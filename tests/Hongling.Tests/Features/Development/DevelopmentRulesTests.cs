using Hongling.Web.Domain;
using Hongling.Web.Features.Development;

namespace Hongling.Tests.Features.Development;

public sealed class DevelopmentRulesTests
{
    [Fact]
    public void TheToDoCutoff_AgreesWithTheDueDate_OnEveryDay_LeapYearsIncluded()
    {
        for (var day = new DateOnly(2023, 1, 1); day <= new DateOnly(2029, 12, 31); day = day.AddDays(1))
        {
            var last = DevelopmentRules.LastAdmissionDueBy(day);
            for (var joined = day.AddDays(-400); joined <= day.AddDays(-330); joined = joined.AddDays(1))
                Assert.Equal(DevelopmentRules.FullMembershipDue(joined) <= day, joined <= last);
        }
    }

    [Fact]
    public void Due_IsOneYearAfterAdmission()
    {
        Assert.Equal(new DateOnly(2025, 7, 1), DevelopmentRules.FullMembershipDue(new DateOnly(2024, 7, 1)));
        Assert.Equal(new DateOnly(2025, 2, 28), DevelopmentRules.FullMembershipDue(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void CheckStep_OneStageAtATime_DatedInOrder_AfterAYearOfTraining()
    {
        var today = new DateOnly(2026, 6, 1);
        var r = new Recruit
        {
            Name = "甲",
            Stage = DevelopmentStage.Applicant,
            AppliedOn = new DateOnly(2024, 3, 1),
        };
        string? Check(DevelopmentStage to, DateOnly on) => DevelopmentRules.CheckStep(r, to, on, today)?.Message;
        Assert.Contains("不能跳过“入党积极分子”", Check(DevelopmentStage.Candidate, today));
        Assert.Contains("不能重复", Check(DevelopmentStage.Applicant, today));
        Assert.Contains("不能晚于今天", Check(DevelopmentStage.Activist, today.AddDays(1)));
        Assert.Contains("不能早于递交入党申请日期", Check(DevelopmentStage.Activist, new DateOnly(2024, 2, 29)));
        Assert.Null(DevelopmentRules.CheckStep(r, DevelopmentStage.Activist, new DateOnly(2024, 3, 1), today));

        r.Stage = DevelopmentStage.Activist;
        r.ActivistOn = new DateOnly(2025, 6, 2);
        Assert.Contains("最早可在2026年6月2日确定", Check(DevelopmentStage.Candidate, today));
        r.ActivistOn = new DateOnly(2025, 6, 1);
        Assert.Null(DevelopmentRules.CheckStep(r, DevelopmentStage.Candidate, today, today));
    }
}
