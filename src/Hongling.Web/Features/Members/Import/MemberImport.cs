using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members.Import;

/// <summary>Reads and checks a member workbook, then imports it all or nothing. Rows whose ID number is
/// already registered in the same branch are skipped, so importing the same file twice changes nothing.</summary>
public sealed class MemberImport(HonglingDb db, PiiProtector pii, IdNumberRegistry registry, TimeProvider clock)
{
    public const int MaxRows = 10_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Stands for the organization of an ID number whose member left the platform (LeftOn): such a
    /// record returns through a transfer into the platform, not an import.</summary>
    /// <summary>Row 0 means the file as a whole.</summary>
    public sealed record Problem(int Row, string Column, string Message);

    /// <summary>One row as read from the sheet: its number, the values, the branch code.</summary>
    public sealed record Row(int Number, MemberInput Input, string OrgCode);

    /// <summary>The outcome of a check. Rows are what a clean file read as, so that the import itself
    /// (minutes later, on any instance) checks them against the database again without reading the file.</summary>
    public sealed record Checked(List<Problem> Problems, List<Member> New, int Skipped, List<Row> Rows)
    {
        public bool Ok => Problems.Count == 0;
    }

    private static Checked FileProblem(string message) => new([new Problem(0, "", message)], [], 0, []);

    public async Task<Checked> CheckAsync(byte[] bytes, CancellationToken ct = default)
    {
        if (bytes.Length == 0)
            return FileProblem("文件是空的,请选择填写好的导入模板");
        if (bytes.Length > MaxBytes)
            return FileProblem("文件超过5MB,请分批导入");
        // An .xlsx file is a ZIP archive: check the bytes, not the name.
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            return FileProblem("文件不是Excel(.xlsx)格式,请使用下载的导入模板");
        SheetReader sheet;
        try
        {
            sheet = SheetReader.Read(bytes, keepRows: MaxRows + 1, keepColumns: MemberSheet.Columns.Length);
        }
        catch (WorkbookLimitException e)
        {
            return new([new Problem(e.Row, e.Column == 0 ? "" : MemberSheet.HeaderAt(e.Column), e.Message)], [], 0, []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return FileProblem("文件已损坏或不是有效的Excel(.xlsx)文件");
        }
        if (!sheet.HasSheet)
            return FileProblem("文件中没有工作表");
        if (sheet.HasMergedCells)
            return FileProblem("表格中有合并单元格,请取消合并后再导入");
        var missing = MemberSheet
            .Columns.Where((c, i) => sheet.At(1, i + 1).Text.Trim() != c.Header)
            .Select(c => c.Header)
            .ToList();
        if (missing.Count > 0)
            return FileProblem($"表头与模板不符,缺少或改动了这些列:{string.Join("、", missing)}。请使用下载的导入模板");
        var last = Math.Max(sheet.LastRow, 1);
        if (last < 2)
            return FileProblem("文件中没有党员数据");
        if (last - 1 > MaxRows)
            return FileProblem($"文件有{last - 1}行,每次最多导入{MaxRows}名党员,请分批导入");
        var today = clock.TodayInChina();
        var problems = new List<Problem>();
        var rows = new List<Row>();
        for (var r = 2; r <= last; r++)
        {
            if (!sheet.Rows.ContainsKey(r))
                continue;
            var (input, code, rowProblems) = ReadRow(sheet, r, today);
            problems.AddRange(rowProblems);
            rows.Add(new Row(r, input, code));
        }
        return await CheckRowsAsync(rows, problems, ct);
    }

    /// <summary>Checks rows read earlier from a clean file against the database as it is now.</summary>
    public Task<Checked> RecheckAsync(List<Row> rows, CancellationToken ct = default)
    {
        var today = clock.TodayInChina();
        var problems = rows.SelectMany(r =>
                r.Input.Check(today).Select(p => new Problem(r.Number, MemberSheet.HeaderOf(p.Field), p.Message))
            )
            .ToList();
        return CheckRowsAsync(rows, problems, ct);
    }

    private async Task<Checked> CheckRowsAsync(List<Row> rows, List<Problem> problems, CancellationToken ct)
    {
        // Organizations: one query for every code in the file, through the caller's scope.
        var codes = rows.Select(x => x.OrgCode).Where(c => c != "").Distinct().ToList();
        var orgs = await db
            .AdministeredOrganizations.Where(o => codes.Contains(o.Code))
            .Select(o => new
            {
                o.Code,
                o.Id,
                o.Path,
                o.Kind,
            })
            .ToDictionaryAsync(o => o.Code, ct);
        // ID numbers: duplicates inside the file, then against the whole platform, in chunks.
        var idColumn = MemberSheet.HeaderOf(nameof(MemberInput.IdNumber));
        var badIds = problems.Where(p => p.Column == idColumn).Select(p => p.Row).ToHashSet();
        var hashes = new Dictionary<int, string>();
        var firstRowOf = new Dictionary<string, int>();
        foreach (var (r, input, _) in rows.Where(x => !badIds.Contains(x.Number)))
        {
            var hash = pii.Hash(IdNumber.Normalize(input.IdNumber!));
            if (firstRowOf.TryGetValue(hash, out var first))
                problems.Add(new Problem(r, idColumn, $"与第{first}行的身份证号码重复"));
            else
            {
                firstRowOf[hash] = r;
                hashes[r] = hash;
            }
        }
        // Against the whole platform, asked for each row's branch (IdNumberRegistry logs and limits what it
        // finds outside the caller's scope); rows without a branch of the caller's are refused anyway.
        var found = new Dictionary<string, IdNumberRegistry.Finding>();
        foreach (
            var group in rows.Where(x =>
                    hashes.ContainsKey(x.Number) && orgs.TryGetValue(x.OrgCode, out var o) && o.Kind == OrgKind.Branch
                )
                .GroupBy(x => orgs[x.OrgCode])
        )
        {
            var numbers = group
                .Select(x => (hashes[x.Number], IdNumber.Mask(IdNumber.Normalize(x.Input.IdNumber!))))
                .ToList();
            foreach (var (hash, finding) in await registry.FindAsync(numbers, group.Key.Id, group.Key.Path, ct))
                found[hash] = finding;
        }

        var fresh = new List<Member>();
        var skipped = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var orgColumn = MemberSheet.HeaderOf(nameof(MemberInput.OrganizationId));
        var badRows = problems.Select(p => p.Row).ToHashSet();
        foreach (var (r, input, code) in rows)
        {
            var orgProblem =
                code == "" ? null
                : !orgs.TryGetValue(code, out var org) ? $"组织编码“{code}”不存在或不在您的管理范围内"
                : org.Kind != OrgKind.Branch ? RuleErrors.MemberBranchOnly.Message
                : null;
            if (orgProblem is not null)
                problems.Add(new Problem(r, orgColumn, orgProblem));
            if (orgProblem is not null || badRows.Contains(r) || !hashes.TryGetValue(r, out var hash))
                continue;
            if (found[hash].Limited)
            {
                problems.Add(new Problem(r, idColumn, IdNumberRegistry.TooMany));
                continue;
            }
            if (found[hash].Holder is { } holder)
            {
                if (holder.Left)
                    problems.Add(
                        new Problem(r, idColumn, "该身份证号码属于已转出本平台的党员,请通过“从平台外转入”登记")
                    );
                else if (holder.OrganizationId == orgs[code].Id)
                    skipped++;
                else
                    problems.Add(new Problem(r, idColumn, "该身份证号码已在其他组织登记"));
                continue;
            }
            input.OrganizationId = orgs[code].Id;
            var member = new Member { Name = "", CreatedAt = now };
            input.ApplyTo(member, pii, now);
            fresh.Add(member);
        }
        return new Checked([.. problems.OrderBy(p => p.Row)], fresh, skipped, rows);
    }

    /// <summary>Imports a checked file in one transaction: every new row, or none.</summary>
    public async Task<int> CommitAsync(Checked result, CancellationToken ct = default)
    {
        if (!result.Ok)
            throw new InvalidOperationException("Only a file without problems can be imported.");
        return await db.InsertManyAsync(result.New, ct);
    }

    private static (MemberInput Input, string OrgCode, List<Problem> Problems) ReadRow(
        SheetReader sheet,
        int r,
        DateOnly today
    )
    {
        var problems = new List<Problem>();
        var input = new MemberInput();
        string Text(int column, string field)
        {
            var cell = sheet.At(r, column);
            if (cell.IsFormula)
            {
                problems.Add(new Problem(r, MemberSheet.HeaderOf(field), "不支持公式,请复制后“粘贴为数值”"));
                return "";
            }
            if (field == nameof(MemberInput.IdNumber) && cell.Number is not null)
            {
                problems.Add(
                    new Problem(
                        r,
                        MemberSheet.HeaderOf(field),
                        "身份证号码被Excel存成了数字,请把该列设置为文本格式后重新填写"
                    )
                );
                return "";
            }
            return cell.Number is { } number ? number.ToString("0", CultureInfo.InvariantCulture) : cell.Text.Trim();
        }
        DateOnly? Date(int column, string field)
        {
            if (sheet.At(r, column) is { IsFormula: false, Date: { } date })
                return DateOnly.FromDateTime(date);
            var text = Text(column, field);
            if (text == "")
                return null;
            if (
                DateOnly.TryParseExact(
                    text,
                    ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"],
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var d
                )
            )
                return d;
            problems.Add(new Problem(r, MemberSheet.HeaderOf(field), $"“{text}”不是有效日期,请写成如 2010-07-01"));
            return null;
        }
        T? Choice<T>(int column, string field, Func<string, T?> parse)
            where T : struct
        {
            var text = Text(column, field);
            if (text == "")
                return null;
            var value = parse(text);
            if (value is null)
                problems.Add(
                    new Problem(
                        r,
                        MemberSheet.HeaderOf(field),
                        $"“{text}”不是可选的值({MemberSheet.Columns.First(c => c.Field == field).Hint})"
                    )
                );
            return value;
        }

        string? Optional(int column, string field) => Text(column, field) is { Length: > 0 } t ? t : null;

        input.Name = Text(1, nameof(MemberInput.Name));
        input.Gender = Choice(2, nameof(MemberInput.Gender), t => t switch
            {
                "男" => Gender.Male,
                "女" => Gender.Female,
                _ => (Gender?)null,
            });
        input.Ethnicity = Text(3, nameof(MemberInput.Ethnicity));
        input.BirthDate = Date(4, nameof(MemberInput.BirthDate));
        input.IdNumber = Text(5, nameof(MemberInput.IdNumber));
        input.Mobile = Text(6, nameof(MemberInput.Mobile));
        input.Education = Choice(7, nameof(MemberInput.Education), t =>
            Enum.GetValues<Education>().Where(e => Labels.Of(e) == t).Select(e => (Education?)e).FirstOrDefault()
        );
        input.JoinedOn = Date(8, nameof(MemberInput.JoinedOn));
        input.Status = Choice(9, nameof(MemberInput.Status), t => t switch
            {
                "正式党员" or "正式" => MemberStatus.Full,
                "预备党员" or "预备" => MemberStatus.Probationary,
                _ => (MemberStatus?)null,
            });
        var code = Text(10, nameof(MemberInput.OrganizationId)).ToUpperInvariant();
        input.IsFloating = Choice(11, nameof(MemberInput.IsFloating), t => t switch
            {
                "是" => true,
                "否" => false,
                _ => (bool?)null,
            }) ?? false;
        input.FloatingDirection = Choice(12, nameof(MemberInput.FloatingDirection), t => t switch
            {
                "流出" => FloatingDirection.Out,
                "流入" => FloatingDirection.In,
                _ => (FloatingDirection?)null,
            });
        input.FloatingPlace = Optional(13, nameof(MemberInput.FloatingPlace));
        input.FloatingContact = Optional(14, nameof(MemberInput.FloatingContact));
        input.FloatingSince = Date(15, nameof(MemberInput.FloatingSince));
        input.NativePlace = Optional(16, nameof(MemberInput.NativePlace));
        input.Degree = Choice(17, nameof(MemberInput.Degree), t =>
            Enum.GetValues<Degree>().Where(d => Labels.Of(d) == t).Select(d => (Degree?)d).FirstOrDefault()
        );
        input.Occupation = Optional(18, nameof(MemberInput.Occupation));
        input.WorkUnit = Optional(19, nameof(MemberInput.WorkUnit));
        input.Position = Optional(20, nameof(MemberInput.Position));
        input.HomeAddress = Optional(21, nameof(MemberInput.HomeAddress));
        input.FullMemberOn = Date(22, nameof(MemberInput.FullMemberOn));
        input.OrganizationId = code == "" ? null : 0; // resolved from the code after all rows are read

        // Required fields and lengths (the form's own attributes), then the shared rules, for columns not already
        // wrong.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results
            .SelectMany(v => v.MemberNames.Select(f => (Field: f, Message: v.ErrorMessage ?? "")))
            .Concat(input.Check(today));
        foreach (var (field, message) in errors)
        {
            var header = MemberSheet.HeaderOf(field);
            if (!problems.Any(p => p.Column == header))
                problems.Add(
                    new Problem(
                        r,
                        header,
                        field == nameof(MemberInput.OrganizationId) ? "请填写所在党支部编码" : message
                    )
                );
        }
        return (input, code, problems);
    }
}
