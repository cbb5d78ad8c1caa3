using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Shared;

/// <summary>A month chosen from a list (<c>_MonthPicker.cshtml</c>), never typed: the form still sends the month as
/// yyyyMM, so the pages keep their query strings. The list runs back from <paramref name="Latest"/>; a month asked
/// for outside it (an old link) is added, so the shown month is always the selected one.</summary>
/// <param name="Selected">The month shown (yyyyMM).</param>
/// <param name="Latest">The newest month offered (yyyyMM).</param>
/// <param name="Count">How many months the list offers.</param>
public sealed record MonthPicker(int Selected, int Latest, int Count = 24, string Name = "month", string Id = "month")
{
    public IReadOnlyList<int> Choices
    {
        get
        {
            var months = new List<int>(Count + 1);
            for (int m = Latest, i = 0; i < Count; i++, m = ChinaTime.PreviousMonth(m))
                months.Add(m);
            if (ChinaTime.IsMonth(Selected) && !months.Contains(Selected))
            {
                months.Add(Selected);
                months.Sort((a, b) => b.CompareTo(a));
            }
            return months;
        }
    }

    /// <summary>A month as people say it: 2026年11月.</summary>
    public static string Text(int month) => $"{month / 100}年{month % 100}月";
}
