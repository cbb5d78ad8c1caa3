using System.Security.Claims;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The reader's JSON API: open a material, beat while studying, close. Authenticated by the
/// member's cookie; beats are rate-limited per account and written by group commit.</summary>
public static class StudyApi
{
    public sealed record OpenRequest(int MaterialId);

    public sealed record OpenResponse(Guid SessionId, int BeatSeconds, int CreditedMinutes, bool Completed);

    /// <summary>Paused: "hidden" or "idle" when the page skipped beats since its last one, and why.</summary>
    public sealed record BeatRequest(Guid SessionId, long Seq, bool Ended = false, string? Paused = null);

    /// <summary>Seq echoes the beat's sequence number, so that a page or a driver with several beats in flight knows
    /// which one an answer acknowledges (bench/heartbeat.sh checks every acknowledged beat by it).</summary>
    public sealed record BeatResponse(bool Credited, int CreditedMinutes, bool Completed, long Seq);

    public sealed record MeResponse(string Name, int? MemberId);

    public sealed record WhoAmIResponse(string Name, string CardNumber);

    public static IServiceCollection AddStudy(this IServiceCollection services)
    {
        services.AddSingleton<StudyBeatWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StudyBeatWriter>());
        services.AddReminder<StudyReminders>();
        return services;
    }

    public static IEndpointRouteBuilder MapStudyApi(this IEndpointRouteBuilder app)
    {
        // A signed-in request with the org scope set up and nothing else (bench/scope.sh compares it with /api/whoami).
        app.MapGet("/api/me", (OrgScope scope) => TypedResults.Ok(new MeResponse(scope.ActorName, scope.MemberId)))
            .RequireAuthorization()
            .WithTags("Account")
            .WithSummary("当前登录的用户");

        // The cheapest signed-in request of all, the benchmarks' fair baseline: the sign-in's own claims, no scope
        // load and no query of its own. Being signed in still costs the session store's one primary-key read of
        // the session row (SessionStore.RetrieveAsync), which every signed-in request pays.
        app.MapGet("/api/whoami", (ClaimsPrincipal user) =>
                TypedResults.Ok(
                    new WhoAmIResponse(
                        user.FindFirstValue(ClaimTypes.GivenName) ?? "",
                        user.FindFirstValue(ClaimTypes.Name) ?? ""
                    )
                )
            )
            .RequireAuthorization()
            .WithoutOrgScope()
            .WithTags("Account")
            .WithSummary("当前登录的用户(仅读登录凭据,不查数据库)");

        var api = app.MapGroup("/api/study").RequireAuthorization().WithTags("Study");
        api.MapPost("/sessions", OpenAsync).DocumentsProblems(404).WithSummary("打开一份学习资料,开始一次学习");
        // Beats are the hot path: they skip the per-request scope load, and the writer resolves each beat's
        // account to its member in the batch (one query for all of them).
        api.MapPost("/heartbeat", BeatAsync)
            .RequireRateLimiting(RateLimits.StudyBeats)
            .WithoutOrgScope()
            .DocumentsProblems(404, 409)
            .WithSummary("学习心跳(约每15秒一次,页面可见且有操作时)");
        api.MapPost("/sessions/{id:guid}/close", CloseAsync).WithSummary("结束一次学习");
        // The reader shows a PDF in a frame of its own page.
        api.MapGet("/materials/{id:int}/file", FileAsync)
            .AllowFramingBySelf()
            .WithSummary("资料的视频、音频或PDF文件(支持分段读取)");
        api.MapPost("/presence", PresenceAsync)
            .RequireRateLimiting(RateLimits.StudyBeats)
            .WithoutOrgScope()
            .WithSummary("在线心跳(计入在线时长)");
        return app;
    }

    private static async Task<Results<Created<OpenResponse>, ProblemHttpResult>> OpenAsync(
        OpenRequest? request,
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (db.Scope.MemberId is not { } memberId)
            return Problems.From(RuleErrors.StudyMembersOnly);
        if (request is null || request.MaterialId <= 0)
            return Problems.From(RuleErrors.MaterialRequired);
        var now = clock.GetUtcNow().UtcDateTime;
        // The scope's filter admits only materials published to the member's organizations.
        var material = await db
            .Materials.Where(m => m.Id == request.MaterialId && !m.Withdrawn && m.PublishAt <= now)
            .Select(m => new { m.Id })
            .FirstOrDefaultAsync(ct);
        if (material is null)
            return Problems.From(RuleErrors.MaterialNotFound);
        var branch = await db.Members.Where(m => m.Id == memberId).Select(m => m.OrganizationId).FirstAsync(ct);

        var progress = await db.MaterialProgress.FirstOrDefaultAsync(
            p => p.MemberId == memberId && p.MaterialId == material.Id,
            ct
        );
        var today = StudyRules.ChinaDayOf(now);
        var dayStart = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        var openedToday = await db.StudySessions.AnyAsync(
            s => s.MemberId == memberId && s.MaterialId == material.Id && s.OpenedAt >= dayStart,
            ct
        );
        var session = new StudySession
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            MaterialId = material.Id,
            OrganizationId = branch,
            OpenedAt = now,
        };
        db.StudySessions.Add(session);
        if (progress is null)
            db.MaterialProgress.Add(
                progress = new MaterialProgress
                {
                    MemberId = memberId,
                    MaterialId = material.Id,
                    OrganizationId = branch,
                    FirstOpenedAt = now,
                }
            );
        if (!openedToday)
        {
            var day = await db.StudyDays.FirstOrDefaultAsync(d => d.MemberId == memberId && d.Day == today, ct);
            if (day is null)
                db.StudyDays.Add(
                    day = new StudyDay
                    {
                        MemberId = memberId,
                        Day = today,
                        OrganizationId = branch,
                    }
                );
            day.MaterialsOpened++;
        }
        // The member's own study rows in their own branch (IMemberCreated); a material published to them, checked
        // above.
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(
            $"/api/study/sessions/{session.Id}",
            new OpenResponse(
                session.Id,
                StudyRules.BeatSeconds,
                progress.CreditedMinutes,
                progress.CompletedAt is not null
            )
        );
    }

    private static string AccountOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Results<Ok<BeatResponse>, ProblemHttpResult>> BeatAsync(
        BeatRequest? beat,
        ClaimsPrincipal user,
        StudyBeatWriter writer,
        TimeProvider clock
    )
    {
        if (beat is null || beat.SessionId == Guid.Empty)
            return Problems.From(RuleErrors.BeatSessionMissing);
        if (beat.Seq is < 1 or > StudyRules.MaxSeq)
            return Problems.From(RuleErrors.BeatSeqInvalid);
        var pause = beat.Paused switch
        {
            "hidden" => BeatPause.Hidden,
            "idle" => BeatPause.Idle,
            _ => BeatPause.None,
        };
        var outcome = await writer.SubmitAsync(
            new Beat(AccountOf(user), beat.SessionId, beat.Seq, clock.GetUtcNow().UtcDateTime, beat.Ended, pause)
        );
        return outcome.Status switch
        {
            BeatStatus.NotMember => Problems.From(RuleErrors.StudyMembersOnly),
            BeatStatus.Credited or BeatStatus.Accepted => TypedResults.Ok(
                new BeatResponse(
                    outcome.Status == BeatStatus.Credited,
                    outcome.CreditedMinutes,
                    outcome.Completed,
                    beat.Seq
                )
            ),
            BeatStatus.Replayed => Problems.From(RuleErrors.BeatReplayed),
            BeatStatus.Closed => Problems.From(RuleErrors.StudySessionClosed),
            BeatStatus.SeqJump => Problems.From(RuleErrors.BeatSeqJump),
            _ => Problems.From(RuleErrors.StudySessionNotFound),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseAsync(
        Guid id,
        OrgScope scope,
        HonglingDb db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (scope.MemberId is not { } memberId)
            return Problems.From(RuleErrors.StudyMembersOnly);
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db
            .StudySessions.Where(s => s.Id == id && s.MemberId == memberId && s.ClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosedAt, now), ct);
        return closed == 1 ? TypedResults.NoContent() : Problems.From(RuleErrors.StudySessionNotFound);
    }

    /// <summary>The file of a material the caller may read (the scope's filter decides), with range requests for
    /// seeking.</summary>
    private static async Task<IResult> FileAsync(int id, HonglingDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var material = await MaterialQueries
            .Readable(db, now)
            .Where(m => m.Id == id && m.FileType != null)
            .Select(m => new { m.FileType })
            .FirstOrDefaultAsync(ct);
        if (material is null)
            return Problems.From(RuleErrors.MaterialNotFound);
        var content = await db.MaterialFiles.Where(f => f.MaterialId == id).Select(f => f.Content).FirstAsync(ct);
        return Results.File(content, material.FileType, enableRangeProcessing: true);
    }

    private static async Task<NoContent> PresenceAsync(ClaimsPrincipal user, StudyBeatWriter writer, TimeProvider clock)
    {
        // Administrators without a member record: the writer counts nothing for them.
        await writer.SubmitAsync(new Beat(AccountOf(user), null, 0, clock.GetUtcNow().UtcDateTime));
        return TypedResults.NoContent();
    }
}
