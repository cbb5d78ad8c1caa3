namespace Hongling.Web.Features.Bulletins;

/// <summary>An attachment's table (附件1–3) as plain text cells, so that the web page, the .xlsx workbook and the
/// .docx list the same thing. An attachment whose section has no data is <see cref="Empty"/>.</summary>
public sealed record BulletinTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static BulletinTable Empty(string title) => new(title, ["说明"], [["暂无数据"]]);
}

/// <summary>The three attachments of a bulletin, in the seed's order.</summary>
public static class BulletinAttachments
{
    public static IReadOnlyList<(string Sheet, BulletinTable Table)> Of(BulletinView view)
    {
        var b = view.Bulletin;
        var month = $"{b.Month / 100}年{b.Month % 100}月";
        return
        [
            ("附件1", BulletinTable.Empty($"{month}各单位远程教育使用情况统计表")),
            ("附件2", BulletinTable.Empty($"{month}12371党建信息平台使用维护情况统计表")),
            ("附件3", BulletinTable.Empty($"{b.Month / 100}年{view.PeriodText}信息及栏目素材选用情况统计表")),
        ];
    }
}
