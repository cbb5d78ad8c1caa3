namespace Hongling.Web.Features.Shared;

/// <summary>A bar chart drawn on the server as SVG (<c>_BarChart.cshtml</c>): labelled bars, an optional dashed line
/// (such as the 240-minute rule), and the same figures as a table for screen readers. The generalized form of the
/// study page's twelve-month chart, so that charts need no script library.</summary>
/// <param name="Id">The element id; the table is <c>{Id}-table</c>.</param>
/// <param name="Unit">What the values count, for the title and the table's heading (e.g. 分钟).</param>
/// <param name="LabelHeading">The table's heading over the bars' labels (月份, 单位).</param>
/// <param name="Kind">Columns (months, a few units), rows (rankings, long names) or a line (a trend).</param>
public sealed record BarChart(
    string Id,
    string Title,
    string Unit,
    IReadOnlyList<BarChart.Bar> Bars,
    double? Line = null,
    string? LineLabel = null,
    string LabelHeading = "月份",
    BarChart.Shape Kind = BarChart.Shape.Columns
)
{
    public enum Shape
    {
        Columns,
        Rows,
        Trend,
    }

    public sealed record Bar(string Label, double Value, string? FullLabel = null);

    /// <summary>A value as drawn: whole numbers without decimals, others with one.</summary>
    public static string Format(double v) => v == Math.Floor(v) ? v.ToString("0") : v.ToString("0.0");
}
