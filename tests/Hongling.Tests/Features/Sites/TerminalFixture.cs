using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;

namespace Hongling.Tests.Features.Sites;

/// <summary>Builders for the terminal tests: a site at a branch, a terminal with a known key (made the way the
/// Terminals page makes it), and records chained the way the agent chains them.</summary>
public static class TerminalFixture
{
    public static Task<Site> AddSiteAsync(this TestApp app, Organization org, string name = "村活动室站点") =>
        app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = name,
                Code = TestApp.UniqueCode("S"),
                OrganizationId = org.Id,
                Kind = SiteKind.Village,
                Broadband = Broadband.Fibre,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site;
        });

    /// <summary>A terminal at <paramref name="site"/> and its device key.</summary>
    public static Task<(Terminal Terminal, string Key)> AddTerminalAsync(
        this TestApp app,
        Site site,
        string name = "活动室电脑"
    ) =>
        app.WithDbAsync(async db =>
        {
            var key = TerminalKeys.New();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var terminal = new Terminal
            {
                SiteId = site.Id,
                OrganizationId = site.OrganizationId,
                Name = name,
                KeyHash = key.Hash,
                KeyHint = key.Hint,
                KeyIssuedAt = now,
                CreatedAt = now,
            };
            db.Terminals.Add(terminal);
            await db.SaveChangesAsync();
            return (terminal, key.Key);
        });

    public static HttpClient TerminalClient(this TestApp app, string key)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public sealed record Rec(
        string ClientId,
        long Seq,
        string PrevHash,
        string Hash,
        DateTime StartedAt,
        DateTime EndedAt,
        string Courseware,
        int? AttendeeCount = null,
        List<string>? AttendeeCards = null
    );

    /// <summary>A chain of <paramref name="count"/> records, one a day from <paramref name="first"/> for 90 minutes,
    /// continuing after <paramref name="after"/> (or from the start).</summary>
    public static List<Rec> Chain(int count, DateTime first, Rec? after = null, string prefix = "c")
    {
        var list = new List<Rec>();
        var prev = after?.Hash ?? "";
        var seq = after?.Seq ?? 0;
        for (var i = 0; i < count; i++)
        {
            seq++;
            var start = first.AddDays(i);
            list.Add(Make($"{prefix}{seq}", seq, prev, start, start.AddMinutes(90), $"课件{seq}", 12));
            prev = list[^1].Hash;
        }
        return list;
    }

    public static Rec Make(
        string clientId,
        long seq,
        string prev,
        DateTime start,
        DateTime end,
        string courseware,
        int? attendees = null,
        List<string>? cards = null
    ) =>
        new(
            clientId,
            seq,
            prev,
            SessionHash.Of(clientId, seq, prev, start, end, courseware, attendees, cards ?? []),
            start,
            end,
            courseware,
            attendees,
            cards
        );

    /// <summary>The same record with new content and its hash recomputed (an edit that hides itself in its own
    /// hash).</summary>
    public static Rec Rehash(Rec r) =>
        r with
        {
            Hash = SessionHash.Of(
                r.ClientId,
                r.Seq,
                r.PrevHash,
                r.StartedAt,
                r.EndedAt,
                r.Courseware,
                r.AttendeeCount,
                r.AttendeeCards ?? []
            ),
        };

    public static Task<HttpResponseMessage> ReportAsync(this HttpClient client, IEnumerable<Rec> records) =>
        client.PostAsJsonAsync("/api/terminal/sessions", new { sessions = records });

    public static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
