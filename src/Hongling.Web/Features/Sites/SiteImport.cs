using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Reads a site workbook, checks every row against the same rules as the form, and imports the sites with
/// their equipment all or nothing: one problem anywhere and nothing is saved.</summary>
public sealed class SiteImport(HonglingDb db, TimeProvider clock)
{
    public const int MaxRows = 2_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Row 0 means the file as a whole.</summary>
    public sealed record Problem(int Row, string Column, string Message);

    public sealed record Outcome(List<Problem> Problems, int Imported)
    {
        public bool Ok => Problems.Count == 0;
    }

    private sealed record Row(int Number, SiteInput Input, string OrgCode, int[] Equipment);

    private static readonly Dictionary<string, string> HeaderOfField = new()
    {
        [nameof(SiteInput.Name)] = "站点名称",
        [nameof(SiteInput.Code)] = "站点编码",
        [nameof(SiteInput.OrganizationId)] = "服务组织编码",
        [nameof(SiteInput.Kind)] = "站点类型",
        [nameof(SiteInput.Address)] = "地址",
        [nameof(SiteInput.Batch)] = "建设批次",
        [nameof(SiteInput.BuiltOn)] = "建成日期",
        [nameof(SiteInput.Broadband)] = "宽带",
        [nameof(SiteInput.Status)] = "状态",
        [nameof(SiteInput.Administrator)] = "站点管理员",
        [nameof(SiteInput.Operator)] = "操作员",
        [nameof(SiteInput.Volunteers)] = "志愿者",
    };

    private static Outcome FileProblem(string message) => new([new Problem(0, "", message)], 0);

    public async Task<Outcome> ImportAsync(byte[] bytes, string actor, CancellationToken ct = default)
    {
        if (bytes.Length == 0)
            return FileProblem("文件是空的,请选择填写好的导入模板");
        if (bytes.Length > MaxBytes)
            return FileProblem("文件超过5MB,请分批导入");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            return FileProblem("文件不是Excel(.xlsx)格式,请使用下载的导入模板");
        SheetReader sheet;
        try
        {
            sheet = SheetReader.Read(bytes, keepRows: MaxRows + 1, keepColumns: SiteSheet.Columns.Length);
        }
        catch (WorkbookLimitException e)
        {
            return new([new Problem(e.Row, e.Column == 0 ? "" : SiteSheet.HeaderAt(e.Column), e.Message)], 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return FileProblem("文件已损坏或不是有效的Excel(.xlsx)文件");
        }
        if (!sheet.HasSheet)
            return FileProblem("文件中没有工作表");
        if (sheet.HasMergedCells)
            return FileProblem("表格中有合并单元格,请取消合并后再导入");
        var missing = SiteSheet
            .Columns.Where((c, i) => sheet.At(1, i + 1).Text.Trim() != c.Header)
            .Select(c => c.Header)
            .ToList();
        if (missing.Count > 0)
            return FileProblem($"表头与模板不符,缺少或改动了这些列:{string.Join("、", missing)}。请使用下载的导入模板");
        var last = Math.Max(sheet.LastRow, 1);
        if (last < 2)
            return FileProblem("文件中没有站点数据");
        if (last - 1 > MaxRows)
            return FileProblem($"文件有{last - 1}行,每次最多导入{MaxRows}个站点,请分批导入");

        var today = clock.TodayInChina();
        var problems = new List<Problem>();
        var rows = new List<Row>();
        for (var r = 2; r <= last; r++)
            if (sheet.Rows.ContainsKey(r))
                rows.Add(ReadRow(sheet, r, today, problems));

        // Organizations by code, through the caller's scope; codes against the file and the whole platform.
        var orgCodes = rows.Select(x => x.OrgCode).Where(c => c != "").Distinct().ToList();
        var orgs = await db
            .AdministeredOrganizations.Where(o => orgCodes.Contains(o.Code))
            .Select(o => new { o.Code, o.Id })
            .ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var siteCodes = rows.Select(x => SiteInput.NormalizeCode(x.Input.Code)).Where(c => c != "").Distinct().ToList();
        var taken = await db.SiteCodesTakenAsync(siteCodes, ct);
        var firstRowOf = new Dictionary<string, int>();
        var sites = new List<Site>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            void Add(string field, string message)
            {
                var header = HeaderOfField[field];
                if (!problems.Any(p => p.Row == row.Number && p.Column == header))
                    problems.Add(new Problem(row.Number, header, message));
            }
            var code = SiteInput.NormalizeCode(row.Input.Code);
            if (code != "")
            {
                if (firstRowOf.TryGetValue(code, out var first))
                    Add(nameof(SiteInput.Code), $"与第{first}行的站点编码重复");
                else
                    firstRowOf[code] = row.Number;
                if (taken.Contains(code))
                    Add(nameof(SiteInput.Code), RuleErrors.SiteCodeTaken(code).Message);
            }
            if (row.OrgCode == "")
            {
                Add(nameof(SiteInput.OrganizationId), "请填写服务组织编码");
                continue;
            }
            if (!orgs.TryGetValue(row.OrgCode, out var orgId))
            {
                Add(nameof(SiteInput.OrganizationId), $"组织编码“{row.OrgCode}”不存在或不在您的管理范围内");
                continue;
            }
            row.Input.OrganizationId = orgId;
            var resolved = await row.Input.ResolveAsync(
                db,
                null,
                (f, m) =>
                {
                    if (f != nameof(SiteInput.Code))
                        Add(f, m);
                },
                ct
            );
            if (resolved is null || problems.Any(p => p.Row == row.Number))
                continue;
            var site = new Site { CreatedAt = now };
            row.Input.ApplyTo(site, resolved);
            for (var k = 0; k < SiteSheet.EquipmentColumns.Length; k++)
            for (var n = 0; n < row.Equipment[k]; n++)
            {
                var e = new Equipment
                {
                    OrganizationId = orgId,
                    Kind = SiteSheet.EquipmentColumns[k],
                    State = EquipmentState.Normal,
                };
                e.History.Add(
                    new EquipmentStateChange
                    {
                        OrganizationId = orgId,
                        To = EquipmentState.Normal,
                        ChangedAt = now,
                        ChangedBy = actor,
                        Note = "导入登记",
                    }
                );
                site.Equipment.Add(e);
            }
            sites.Add(site);
        }
        if (problems.Count > 0)
            return new([.. problems.OrderBy(p => p.Row)], 0);
        // One SaveChanges is one transaction: every site with its equipment, or none.
        db.Sites.AddRange(sites);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return FileProblem("导入时有站点编码刚被他人使用,本次没有导入任何数据,请重新导入");
        }
        return new([], sites.Count);
    }

    private static Row ReadRow(SheetReader sheet, int r, DateOnly today, List<Problem> problems)
    {
        var input = new SiteInput();
        string Text(int column)
        {
            var cell = sheet.At(r, column);
            if (cell.IsFormula)
            {
                problems.Add(new Problem(r, SiteSheet.HeaderAt(column), "不支持公式,请复制后“粘贴为数值”"));
                return "";
            }
            return cell.Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : cell.Text.Trim();
        }
        T? Choice<T>(int column, Func<T, string> label)
            where T : struct, Enum
        {
            var text = Text(column);
            if (text == "")
                return null;
            var value = SiteLabels.Parse(text, label);
            if (value is null)
                problems.Add(
                    new Problem(
                        r,
                        SiteSheet.HeaderAt(column),
                        $"“{text}”不是可选的值({SiteSheet.Columns[column - 1].Hint})"
                    )
                );
            return value;
        }
        int? Whole(int column, int min, int max, string what)
        {
            var text = Text(column);
            if (text == "")
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            problems.Add(new Problem(r, SiteSheet.HeaderAt(column), $"“{text}”不是有效的{what}({min}到{max}的整数)"));
            return null;
        }
        string? Optional(int column) => Text(column) is { Length: > 0 } t ? t : null;

        input.Name = Text(1);
        input.Code = Text(2);
        var orgCode = Text(3).ToUpperInvariant();
        input.Kind = Choice<SiteKind>(4, SiteLabels.Of);
        if (input.Kind is null && Text(4) == "")
            problems.Add(new Problem(r, "站点类型", "请填写站点类型"));
        input.Address = Optional(5);
        input.Batch = Whole(6, 1, 99, "建设批次");
        if (sheet.At(r, 7) is { IsFormula: false, Date: { } date })
            input.BuiltOn = DateOnly.FromDateTime(date);
        else if (Text(7) is { Length: > 0 } built)
        {
            if (
                DateOnly.TryParseExact(
                    built,
                    ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"],
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var d
                )
            )
                input.BuiltOn = d;
            else
                problems.Add(new Problem(r, "建成日期", $"“{built}”不是有效日期,请写成如 2009-06-30"));
        }
        input.Broadband = Choice<Broadband>(8, SiteLabels.Of) ?? Broadband.None;
        input.Status = Choice<SiteStatus>(9, SiteLabels.Of) ?? SiteStatus.InUse;
        input.Administrator = Optional(10);
        input.Operator = Optional(11);
        input.Volunteers = Optional(12);
        var equipment = SiteSheet
            .EquipmentColumns.Select((k, i) => Whole(13 + i, 0, SiteSheet.MaxEquipmentPerKind, "数量") ?? 0)
            .ToArray();

        // Required fields and lengths (the form's own attributes), then the shared rules, for columns not already
        // wrong.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results
            .SelectMany(v => v.MemberNames.Select(f => (Field: f, Message: v.ErrorMessage ?? "")))
            .Concat(input.Check(today));
        foreach (var (field, message) in errors)
        {
            if (field == nameof(SiteInput.OrganizationId))
                continue; // resolved from the code after all rows are read
            var header = HeaderOfField[field];
            if (!problems.Any(p => p.Row == r && p.Column == header))
                problems.Add(new Problem(r, header, message));
        }
        return new Row(r, input, orgCode, equipment);
    }
}
