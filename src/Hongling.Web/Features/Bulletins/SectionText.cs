namespace Hongling.Web.Features.Bulletins;

/// <summary>How the sections' partials word figures: rates as the seed prints them (94.9%), names joined with
/// 、.</summary>
public static class SectionText
{
    public const string NoData = "暂无数据";

    /// <summary>A stored rate (a 0–1 fraction, <see cref="BulletinFigure.Rate"/>) as a percentage with one
    /// decimal.</summary>
    public static string Percent(decimal rate) => (rate * 100).ToString("0.0") + "%";

    /// <summary>Names as the seed lists them: "双福、油溪、蔡家".</summary>
    public static string Names(IEnumerable<NamedUnit> units) => string.Join("、", units.Select(u => u.Name));

    /// <summary>A yyyyMM month as "2010年8月".</summary>
    public static string Month(int month) => $"{month / 100}年{month % 100}月";
}
