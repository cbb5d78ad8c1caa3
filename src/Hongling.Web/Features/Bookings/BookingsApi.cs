using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bookings;

/// <summary>The bookings JSON API for a member's phone: what is offered to their branch, a week of free slots,
/// booking one for themselves and cancelling their own. The rules are <see cref="BookingDesk"/>'s; a resource not
/// offered to the caller, or a booking not theirs, answers 404.</summary>
public static class BookingsApi
{
    public sealed record Resource(int Id, BookableKind Kind, string Name, string Place, string? Expert, string Hours);

    public sealed record BookRequest(DateTime StartsAt, int People = 1, string? Note = null);

    public sealed record Booked(
        int Id,
        int ResourceId,
        string Resource,
        DateTime StartsAt,
        DateTime EndsAt,
        int Seat,
        DateTime? CancelledAt
    );

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bookings").RequireAuthorization().WithTags("Bookings");
        api.MapGet("/resources", ResourcesAsync).WithSummary("可预约的场地、咨询和课程(面向本人所在组织的)");
        api.MapGet("/resources/{id:int}/slots", SlotsAsync)
            .WithSummary("一个预约项目自某日(from,yyyy-MM-dd,中国时间)起7天的时段及已占座位数");
        api.MapPost("/resources/{id:int}", BookAsync).DocumentsProblems(409).WithSummary("预约一个时段(本人)");
        api.MapGet("/mine", MineAsync).WithSummary("我的预约(近90天起)");
        api.MapPost("/{bookingId:int}/cancel", CancelAsync).DocumentsProblems(409).WithSummary("取消本人的预约");
        return app;
    }

    private static async Task<Ok<List<Resource>>> ResourcesAsync(HonglingDb db, CancellationToken ct)
    {
        var rows = await db
            .BookableResources.Where(r => !r.Retired)
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.Name)
            .Take(200)
            .ToListAsync(ct);
        return TypedResults.Ok(
            rows.Select(r => new Resource(r.Id, r.Kind, r.Name, r.Place, r.Expert, BookingSlots.Hours(r))).ToList()
        );
    }

    private static async Task<Results<Ok<IReadOnlyList<BookingWeek.Day>>, ProblemHttpResult>> SlotsAsync(
        int id,
        DateOnly? from,
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        await db.BookableResources.FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? TypedResults.Ok(
                await BookingWeek.LoadAsync(
                    db,
                    r,
                    BookingWeek.StartOf(from, clock.TodayInChina()),
                    clock.GetUtcNow().UtcDateTime,
                    ct
                )
            )
            : Problems.From(RuleErrors.BookingNotFound);

    private static async Task<Results<Created<Booked>, ProblemHttpResult>> BookAsync(
        int id,
        BookRequest request,
        HonglingDb db,
        BookingDesk desk,
        CancellationToken ct
    )
    {
        if (await db.BookableResources.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
            return Problems.From(RuleErrors.BookingNotFound);
        if (db.Scope.MemberId is not { } me)
            return Problems.From(RuleErrors.BookingContactRequired);
        var branch = await db.Members.Where(m => m.Id == me).Select(m => m.OrganizationId).FirstAsync(ct);
        var note = request.Note is { Length: > 200 } ? request.Note[..200] : request.Note;
        var b = await desk.BookAsync(
            r,
            request.StartsAt.ToUniversalTime(),
            request.People,
            new(me, branch, false),
            note,
            ct
        );
        return TypedResults.Created($"/api/bookings/{b.Id}", Of(b, r));
    }

    private static async Task<Ok<List<Booked>>> MineAsync(HonglingDb db, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
        var rows = await db
            .Bookings.Include(b => b.Resource)
            .Where(b => b.MemberId == db.Scope.MemberId && b.StartsAt >= since)
            .OrderBy(b => b.StartsAt)
            .Take(300)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(b => Of(b, b.Resource)).ToList());
    }

    private static async Task<Results<Ok<Booked>, ProblemHttpResult>> CancelAsync(
        int bookingId,
        HonglingDb db,
        BookingDesk desk,
        CancellationToken ct
    )
    {
        var b = await db
            .Bookings.Include(x => x.Resource)
            .FirstOrDefaultAsync(x => x.Id == bookingId && x.MemberId == db.Scope.MemberId, ct);
        if (b is null)
            return Problems.From(RuleErrors.BookingNotFound);
        await desk.CancelAsync(b, ct);
        return TypedResults.Ok(Of(b, b.Resource));
    }

    private static Booked Of(Booking b, BookableResource r) =>
        new(
            b.Id,
            r.Id,
            r.Name,
            DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc),
            DateTime.SpecifyKind(b.EndsAt, DateTimeKind.Utc),
            b.Seat,
            b.CancelledAt
        );
}
