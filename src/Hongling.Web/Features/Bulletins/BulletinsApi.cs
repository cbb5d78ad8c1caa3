using System.Globalization;
using Hongling.Web.Data;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hongling.Web.Features.Bulletins;

/// <summary>GET /api/bulletins/{id}/figures: every figure of a bulletin under its stable key, per unit, with the
/// previous month's value, so that anyone can recompute and compare. 404 outside the caller's scope.
/// POST /api/bulletins: generates a new version of an organization's bulletin for a month (as the page's 生成 button
/// does) and answers its id, with a <c>Server-Timing</c> header giving each section's time (<see
/// cref="BulletinTimings"/>).</summary>
public static class BulletinsApi
{
    /// <param name="Month">The month reported, China time: "yyyy-MM" (or "yyyyMM"), not later than this month.</param>
    public sealed record GenerateRequest(int OrganizationId, string? Month);

    public sealed record GenerateAnswer(int Id, int IssuerId, int Month, int Number, int Version);

    public sealed record FiguresAnswer(
        int Id,
        int IssuerId,
        string Issuer,
        int Month,
        int Number,
        int Version,
        bool Published,
        IReadOnlyList<OrgUnit> Units,
        int? PreviousMonth,
        IReadOnlyList<ComparedFigure> Figures
    );

    public static IEndpointRouteBuilder MapBulletinsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulletins")
            .RequireAuthorization(OrgPolicies.Administrator)
            .WithTags("Bulletins");
        group
            .MapGet(
                "/{id:int}/figures",
                async Task<Results<Ok<FiguresAnswer>, NotFound>> (int id, HonglingDb db, CancellationToken ct) =>
                {
                    if (await BulletinView.LoadAsync(db, id, ct) is not { } view)
                        return TypedResults.NotFound();
                    var b = view.Bulletin;
                    return TypedResults.Ok(
                        new FiguresAnswer(
                            b.Id,
                            b.OrganizationId,
                            view.Content.IssuerName,
                            b.Month,
                            b.Number,
                            b.Version,
                            b.IsPublished,
                            view.Content.Units,
                            view.Comparison.PreviousMonth,
                            view.Comparison.Annotate(view.Content.Figures()).ToList()
                        )
                    );
                }
            )
            .WithSummary("一份通报的全部数字(稳定键,按单位),附上月数值");
        group
            .MapPost("/", GenerateAsync)
            .DocumentsProblems(404)
            .WithSummary("生成某组织某月的工作情况通报(新版本);Server-Timing 响应头给出各部分用时");
        return app;
    }

    private static async Task<Results<Created<GenerateAnswer>, ProblemHttpResult>> GenerateAsync(
        GenerateRequest? request,
        HonglingDb db,
        BulletinGenerator generator,
        TimeProvider clock,
        HttpContext http,
        CancellationToken ct
    )
    {
        if (ParseMonth(request?.Month) is not { } month || month > clock.MonthInChina())
            return Problems.From(RuleErrors.BulletinMonthInvalid);
        if (await ScopedOrg.PickAsync(db, request!.OrganizationId) is not { } issuer)
            return Problems.From(RuleErrors.OrgNotFound);
        var timings = new BulletinTimings();
        var bulletin = (await generator.GenerateAsync(issuer, month, automatic: false, ct, timings))!;
        http.Response.Headers["Server-Timing"] = timings.ServerTiming();
        return TypedResults.Created(
            $"/api/bulletins/{bulletin.Id}/figures",
            new GenerateAnswer(bulletin.Id, bulletin.OrganizationId, bulletin.Month, bulletin.Number, bulletin.Version)
        );
    }

    /// <summary>"2026-08" or "202608" as 202608; null for anything else (a month 13, a day, words).</summary>
    private static int? ParseMonth(string? text)
    {
        var digits = text?.Trim() is { Length: 7 } t && t[4] == '-' ? t.Remove(4, 1) : text?.Trim();
        return
            digits is { Length: 6 }
            && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && ChinaTime.IsMonth(month)
            ? month
            : null;
    }
}
