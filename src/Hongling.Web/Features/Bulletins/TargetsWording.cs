namespace Hongling.Web.Features.Bulletins;

/// <summary>The sentences of section 四, shared by the page and the .docx.</summary>
public static class TargetsWording
{
    public static IReadOnlyList<string> Wanted(TargetList t)
    {
        string Rate(decimal r) => BulletinView.Percent(r);
        var lines = new List<string>
        {
            $"每个支部至少发起组织活动{t.ActivitiesPerBranch}次,上传{t.AlbumPhotosPerBranch}张以上照片到支部相册,发布工作动态{t.WorkUpdatesPerBranch}期"
                + $"以上,发布{t.NoticesPerBranch}次以上组织公告",
            $"预备党员上传思想汇报{t.ThoughtReportsPerProbationary}篇以上",
            $"机关和事业单位党员登录率达到{Rate(t.OrganSignInRate)},全体党员登录率达到{Rate(t.OverallSignInRate)}以上",
            $"管理员登录比例达到{Rate(t.AdminSignInRate)},党组织和党员信息完整度达到{Rate(t.CompletenessRate)},党费标准录入比例达到{Rate(t.DuesRate)}",
        };
        if (t.CatchUpBy is { } d)
            lines.Add($"未完成上月各项任务的单位在{d.Month}月{d.Day}日前完成");
        return lines;
    }

    public static IReadOnlyList<string> Next(TargetsSection s) =>
        [.. Wanted(s.Next).Select((line, i) => $"{i + 1}.{line}。")];

    public static IReadOnlyList<string> Outcome(TargetsSection s)
    {
        var met = s.Units.Where(u => u.MetAll).Select(u => u.Name).ToList();
        var missed = s.Units.Where(u => !u.MetAll).Select(u => u.Name).ToList();
        var lines = new List<string> { $"{s.Month % 100}月目标完成情况:{string.Join(";", Wanted(s.Targets))}。" };
        lines.Add(met.Count > 0 ? $"{string.Join("、", met)}等{met.Count}个单位全部完成。" : "没有单位全部完成。");
        if (missed.Count > 0)
            lines.Add($"{string.Join("、", missed)}等{missed.Count}个单位尚未全部完成,详见目标完成情况表。");
        return lines;
    }
}
