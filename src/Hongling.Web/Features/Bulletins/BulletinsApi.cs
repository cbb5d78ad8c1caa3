using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hongling.Web.Features.Bulletins;

/// <summary>GET /api/bulletins/{id}/figures: every figure of a bulletin under its stable key, per unit, with the
/// previous month's value, so that anyone can recompute and compare. 404 outside the caller's scope.</summary>
public static class BulletinsApi
{
    public sealed record FiguresAnswer(int Id, int IssuerId, string Issuer, int Month, int Number, int Version, bool Published,
        IReadOnlyList<OrgUnit> Units, int? PreviousMonth, IReadOnlyList<ComparedFigure> Figures);

    public static IEndpointRouteBuilder MapBulletinsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulletins").RequireAuthorization(OrgPolicies.Administrator).WithTags("Bulletins");
        group.MapGet("/{id:int}/figures", async Task<Results<Ok<FiguresAnswer>, NotFound>> (int id, HonglingDb db, CancellationToken ct) =>
        {
            if (await BulletinView.LoadAsync(db, id, ct) is not { } view) return TypedResults.NotFound();
            var b = view.Bulletin;
            return TypedResults.Ok(new FiguresAnswer(b.Id, b.OrganizationId, view.Content.IssuerName, b.Month, b.Number, b.Version, b.IsPublished,
                view.Content.Units, view.Comparison.PreviousMonth, view.Comparison.Annotate(view.Content.Figures()).ToList()));
        }).WithSummary("一份通报的全部数字(稳定键,按单位),附上月数值");
        return app;
    }
}
