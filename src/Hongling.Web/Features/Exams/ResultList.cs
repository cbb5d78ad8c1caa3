using ClosedXML.Excel;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>The results table of an exam (成绩管理): filtered by organization subtree, state or pass,
/// score band, sorted, paged; and its .xlsx export with phones masked.</summary>
public sealed record ResultList(int? Org, string? State, decimal? Min, decimal? Max, string? Sort)
{
    public const int PageSize = 50;

    /// <summary>One attempt: a member's (name, branch, mobile) or a registrant's (name, mobile, work unit;
    /// 报名人员).</summary>
    public sealed record Row(
        Guid Id,
        string? MemberName,
        string? RegistrantName,
        string Branch,
        string? MemberMobile,
        string? RegistrantMobile,
        string? WorkUnit,
        int Number,
        DateTime StartedAt,
        DateTime? SubmittedAt,
        AttemptState State,
        decimal? Score,
        decimal MaxScore,
        bool? Passed,
        bool Auto
    )
    {
        public string Name => MemberName ?? RegistrantName ?? "";
        public string Mobile => MemberMobile ?? RegistrantMobile ?? "";

        /// <summary>The branch, or for a registrant the organization they registered under and their work
        /// unit.</summary>
        public string Unit => WorkUnit is null ? Branch : $"{WorkUnit}(报名人员,{Branch})";
    }

    public async Task<IQueryable<Attempt>> QueryAsync(HonglingDb db, int examId, CancellationToken ct = default)
    {
        var q = db.Attempts.Where(a => a.ExamId == examId);
        if (
            Org is { } id
            && await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path
        )
            q = q.InSubtree(path);
        q = State switch
        {
            "passed" => q.Where(a => a.Passed == true),
            "failed" => q.Where(a => a.Passed == false),
            "pending" => q.Where(a => a.State == AttemptState.AwaitingReview),
            "open" => q.Where(a => a.State == AttemptState.InProgress),
            _ => q,
        };
        if (Min is { } min)
            q = q.Where(a => a.Score >= min);
        if (Max is { } max)
            q = q.Where(a => a.Score <= max);
        return Sort switch
        {
            "score" => q.OrderBy(a => a.Score).ThenBy(a => a.StartedAt),
            "time" => q.OrderByDescending(a => a.StartedAt),
            "name" => q.OrderBy(a => a.Member != null ? a.Member.Name : a.Registrant!.Name).ThenBy(a => a.Number),
            _ => q.OrderByDescending(a => a.Score).ThenBy(a => a.StartedAt),
        };
    }

    public static IQueryable<Row> Rows(IQueryable<Attempt> q) =>
        q.Select(a => new Row(
            a.Id,
            a.Member!.Name,
            a.Registrant!.Name,
            a.Organization.Name,
            a.Member.Mobile,
            a.Registrant.Mobile,
            a.Registrant.WorkUnit,
            a.Number,
            a.StartedAt,
            a.SubmittedAt,
            a.State,
            a.Score,
            a.MaxScore,
            a.Passed,
            a.AutoSubmitted
        ));

    public static async Task<byte[]> ExportAsync(IQueryable<Attempt> q, string title, CancellationToken ct)
    {
        string[] headers =
        [
            "姓名",
            "所在支部或工作单位",
            "手机号",
            "第几次",
            "开始时间",
            "交卷时间",
            "状态",
            "成绩",
            "满分",
            "是否合格",
        ];
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("成绩");
        double[] widths = [12, 30, 14, 8, 18, 18, 10, 8, 8, 10];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = widths[c];
        }
        var r = 2;
        await foreach (var row in Rows(q).AsAsyncEnumerable().WithCancellation(ct))
        {
            object[] values =
            [
                row.Name,
                row.Unit,
                Domain.Mobile.Mask(row.Mobile),
                row.Number,
                row.StartedAt.ToChina().ToString("yyyy-MM-dd HH:mm"),
                row.SubmittedAt?.ToChina().ToString("yyyy-MM-dd HH:mm") ?? "",
                ExamLabels.Of(row.State),
                row.Score?.ToString("0.##") ?? "",
                row.MaxScore.ToString("0.##"),
                row.Passed switch
                {
                    true => "合格",
                    false => "不合格",
                    _ => "",
                },
            ];
            for (var c = 0; c < values.Length; c++)
                sheet.Cell(r, c + 1).SetValue(values[c].ToString());
            r++;
        }
        sheet.Cell(r + 1, 1).SetValue($"{title} 成绩导出");
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
