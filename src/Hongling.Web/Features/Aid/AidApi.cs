using System.Globalization;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Aid;

/// <summary>The member's aid JSON API: the funds open to their branch, their own applications, and applying (a
/// multipart form, since an application carries its documents). The rules are <see cref="AidDesk"/>'s.</summary>
public static class AidApi
{
    public sealed record FundView(
        int Id,
        string Name,
        FundKind Kind,
        IReadOnlyList<AidKind> Kinds,
        decimal? TuitionPercent
    );

    public sealed record ApplicationView(
        int Id,
        int FundId,
        string Fund,
        AidKind Kind,
        decimal AmountAsked,
        decimal? ApprovedAmount,
        AidStatus Status,
        string StatusText,
        DateTime CreatedAt
    );

    private const long MaxRequestBytes = AidDocuments.MaxFiles * DocumentUpload.MaxBytes + 1024 * 1024;

    public static IEndpointRouteBuilder MapAidApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/aid").RequireAuthorization().WithTags("Aid");
        api.MapGet("/funds", FundsAsync).WithSummary("本人可申请的基金(已关闭的不列出)");
        api.MapGet("/applications", MineAsync).WithSummary("我的帮扶救助申请");
        api.MapPost("/applications", ApplyAsync)
            .DocumentsProblems(409)
            .WithSummary(
                "申请帮扶救助(multipart 表单:fundId、kind、amount、fee、reason、fromMonth、toMonth(yyyy-MM)、"
                    + "files;请求头 RequestVerificationToken)"
            );
        return app;
    }

    private static async Task<Ok<List<FundView>>> FundsAsync(HonglingDb db, CancellationToken ct)
    {
        var branch = db.Scope.MemberOrgPath ?? "\u0000";
        var funds = await db.Funds.Where(f => f.Active).OrderBy(f => f.OrgPath).Take(100).ToListAsync(ct);
        return TypedResults.Ok(
            funds
                .Where(f => branch.StartsWith(f.AudiencePath, StringComparison.Ordinal))
                .Select(f => new FundView(f.Id, f.Name, f.Kind, AidRules.KindsOf(f.Kind), f.TuitionPercent))
                .ToList()
        );
    }

    private static async Task<Ok<List<ApplicationView>>> MineAsync(HonglingDb db, CancellationToken ct)
    {
        var rows = await db
            .AidApplications.Where(a => a.MemberId == db.Scope.MemberId)
            .OrderByDescending(a => a.Id)
            .Take(100)
            .Select(a => new
            {
                a.Id,
                a.FundId,
                Fund = a.Fund.Name,
                a.Kind,
                a.AmountAsked,
                a.ApprovedAmount,
                a.Status,
                a.CreatedAt,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(
            rows.Select(a => new ApplicationView(
                    a.Id,
                    a.FundId,
                    a.Fund,
                    a.Kind,
                    a.AmountAsked,
                    a.ApprovedAmount,
                    a.Status,
                    AidRules.Of(a.Status),
                    a.CreatedAt
                ))
                .ToList()
        );
    }

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> ApplyAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        HonglingDb db,
        AidDesk desk,
        CancellationToken ct
    )
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequestBytes;
        if (!http.Request.HasFormContentType)
            return Problems.From(AidErrors.AttachmentRequired);
        if (await TokenForm.ReadAsync(http, antiforgery, ct) is not { } form)
            return Problems.From(AidErrors.FormExpired);
        var (documents, refusals) = await AidDocuments.ReadAsync(form.Files, ct);
        if (refusals.Count > 0)
            return Problems.From(AidErrors.AttachmentRefused(string.Join(";", refusals)));
        if (!int.TryParse(form["fundId"], out var fundId))
            return Problems.From(AidErrors.FundNotFound);
        if (!Enum.TryParse<AidKind>(form["kind"], true, out var kind) || !Enum.IsDefined(kind))
            return Problems.From(AidErrors.KindNotOffered);
        var application = new AidDesk.Application(
            fundId,
            null,
            kind,
            Yuan(form["amount"]),
            Yuan(form["fee"]),
            form["reason"],
            AidDocuments.Month(form["fromMonth"]),
            AidDocuments.Month(form["toMonth"]),
            documents
        );
        var a = await desk.FileAsync(application, ct);
        var fund = await db.Funds.Where(f => f.Id == a.FundId).Select(f => f.Name).FirstAsync(ct);
        return TypedResults.Created(
            $"/api/aid/applications/{a.Id}",
            new ApplicationView(
                a.Id,
                a.FundId,
                fund,
                a.Kind,
                a.AmountAsked,
                a.ApprovedAmount,
                a.Status,
                AidRules.Of(a.Status),
                a.CreatedAt
            )
        );
    }

    /// <summary>An amount as typed; not a number is null, which the desk refuses as no amount.</summary>
    private static decimal? Yuan(string? s) =>
        decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
