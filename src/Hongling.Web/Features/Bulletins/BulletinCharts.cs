using Hongling.Web.Features.Shared;

namespace Hongling.Web.Features.Bulletins;

/// <summary>The pictures beside a bulletin's figures on the web page: each unit's average site minutes against the
/// monthly rule, and each unit's composite platform usage rate. Drawn from the frozen content, so they never differ
/// from the tables; printed documents carry the tables only.</summary>
public static class BulletinCharts
{
    public static IReadOnlyList<BarChart> Of(BulletinContent c)
    {
        var charts = new List<BarChart>();
        if (c.Sites.HasData && c.Sites.Units.Count > 0)
            charts.Add(
                new BarChart(
                    "chart-site-minutes",
                    "各单位在用站点平均使用时长",
                    "分钟",
                    [.. c.Sites.Units.Select(u => new BarChart.Bar(Short(u.Name), (double)u.AverageMinutes, u.Name))],
                    c.Sites.RuleMinutes,
                    $"规定{c.Sites.RuleMinutes}分钟",
                    "单位"
                )
            );
        var rated = c.Platform.Units.Where(u => u.CompositeRate is not null).ToList();
        if (rated.Count > 0)
            charts.Add(
                new BarChart(
                    "chart-composite",
                    "各单位平台综合使用率",
                    "%",
                    [
                        .. rated.Select(u => new BarChart.Bar(
                            Short(u.Name),
                            Math.Round((double)u.CompositeRate!.Value * 100, 1),
                            u.Name
                        )),
                    ],
                    LabelHeading: "单位"
                )
            );
        return charts;
    }

    /// <summary>A unit's name short enough to stand under a bar ("双福街道党工委" → "双福街道").</summary>
    public static string Short(string name)
    {
        foreach (var suffix in new[] { "党工委", "党委", "党总支", "党支部", "委员会" })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
                break;
            }
        return name.Length <= 4 ? name : name[..4];
    }
}
