namespace Hongling.Web.Features.Bulletins;

/// <summary>An attachment's table (附件1–3) as plain text cells, so that the web page, the .xlsx workbook and the
/// .docx list the same thing. An attachment whose section has no data is <see cref="Empty"/>.</summary>
public sealed record BulletinTable(
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows
)
{
    public static BulletinTable Empty(string title) =>
        new(
            title,
            ["说明"],
            [
                ["暂无数据"],
            ]
        );
}
