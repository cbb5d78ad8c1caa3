namespace Hongling.Web.Infrastructure;

/// <summary>One page of a list: 20 rows, 1-based page numbers.</summary>
public sealed record Paging(int Page, int Total, int Size = 20)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
    public int Skip => (Math.Clamp(Page, 1, Pages) - 1) * Size;

    public static int Clamp(int? page) => Math.Max(1, page ?? 1);
}
