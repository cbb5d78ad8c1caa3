using ClosedXML.Excel;
using Hongling.Web.Domain;
using Hongling.Web.Features.Members.Import;

namespace Hongling.Web.Features.Sites;

/// <summary>The site workbook's columns, shared by the import template, the import and the export: one row per
/// site, its equipment as a count per kind (models and serial numbers are added on the site's page).</summary>
public static class SiteSheet
{
    public sealed record Column(string Header, double Width, string Hint);

    public static readonly EquipmentKind[] EquipmentColumns =
    [
        EquipmentKind.SatelliteReceiver,
        EquipmentKind.SetTopBox,
        EquipmentKind.Modem,
        EquipmentKind.Television,
        EquipmentKind.Computer,
        EquipmentKind.Projector,
        EquipmentKind.Other,
    ];

    public const int MaxEquipmentPerKind = 20;

    public static readonly Column[] Columns =
    [
        new("站点名称", 24, "必填,不超过100字"),
        new("站点编码", 16, "必填,字母、数字和“-”,不超过32位,全区唯一"),
        new("服务组织编码", 16, "必填,见组织架构中的组织编码"),
        new("站点类型", 14, string.Join(" / ", Enum.GetValues<SiteKind>().Select(SiteLabels.Of))),
        new("地址", 24, "可空"),
        new("建设批次", 8, "可空,1到99的整数"),
        new("建成日期", 12, "可空,如:2009-06-30,不能晚于今天"),
        new("宽带", 10, string.Join(" / ", Enum.GetValues<Broadband>().Select(SiteLabels.Of))),
        new("状态", 8, "在用 / 停用(可空,默认在用)"),
        new("站点管理员", 14, "可空,该组织党员的红色身份证卡号或姓名(同名时填卡号)"),
        new("操作员", 14, "可空,该组织党员的红色身份证卡号或姓名(同名时填卡号)"),
        new("志愿者", 20, "可空,不超过500字"),
        .. EquipmentColumns.Select(k => new Column(
            SiteLabels.Of(k) + (k == EquipmentKind.Other ? "设备" : ""),
            10,
            $"数量,0到{MaxEquipmentPerKind}(可空为0)"
        )),
    ];

    public static string HeaderAt(int column) =>
        column <= Columns.Length ? Columns[column - 1].Header : Infrastructure.Workbooks.SheetReader.ColumnName(column);

    public const string ContentType = MemberSheet.ContentType;

    public static XLWorkbook NewBook(out IXLWorksheet sheet, IReadOnlyList<Column> columns)
    {
        var (book, s) = MemberSheet.NewBook(
            "站点",
            columns.Select(c => c.Header).ToList(),
            columns.Select(c => c.Width).ToList()
        );
        sheet = s;
        return book;
    }

    public static byte[] Template()
    {
        using var book = NewBook(out var sheet, Columns);
        var help = book.Worksheets.Add("填写说明");
        help.Cell(1, 1).Value = "列";
        help.Cell(1, 2).Value = "填写要求";
        for (var i = 0; i < Columns.Length; i++)
        {
            help.Cell(i + 2, 1).Value = Columns[i].Header;
            help.Cell(i + 2, 2).Value = Columns[i].Hint;
        }
        help.Column(1).Width = 16;
        help.Column(2).Width = 70;
        help.Cell(Columns.Length + 3, 1).Value =
            $"从“站点”表第2行起每行填写一个站点;每次最多导入{SiteImport.MaxRows}个。有任何一处问题,整个文件都不会导入。不要合并单元格,不要使用公式。";
        return MemberSheet.Save(book);
    }
}
