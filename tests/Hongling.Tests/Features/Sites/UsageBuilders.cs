using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Sites;

/// <summary>Small builders for the site-usage tests: a district of its own (so that another test's towns never join
/// its figures), sites, terminals and viewing sessions written straight into the database, times given in China
/// time.</summary>
public static class UsageBuilders
{
    /// <summary>A UTC instant from a China-time wall clock.</summary>
    public static DateTime China(int y, int mo, int d, int h = 0, int mi = 0) =>
        new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).AddHours(-8);

    public static Task<Organization> AddDistrictAsync(this TestApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var root = new Organization
            {
                Code = TestApp.UniqueCode("D"),
                Name = name,
                Kind = OrgKind.Committee,
                Category = OrgCategory.Organ,
            };
            root.PlaceUnder(null);
            db.Organizations.Add(root);
            await db.SaveChangesAsync();
            return root;
        });

    public static Task<Organization> AddOrgAsync(
        this TestApp app,
        Organization parent,
        string name,
        OrgKind kind = OrgKind.Committee
    ) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.Organizations.FindAsync(parent.Id);
            var o = new Organization
            {
                Code = TestApp.UniqueCode(kind == OrgKind.Branch ? "B" : "T"),
                Name = name,
                Kind = kind,
                Category = OrgCategory.Village,
            };
            o.PlaceUnder(p);
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });

    public static Task<Site> AddSiteAsync(
        this TestApp app,
        Organization org,
        string name,
        SiteStatus status = SiteStatus.InUse
    ) =>
        app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = name,
                Code = TestApp.UniqueCode("S"),
                OrganizationId = org.Id,
                Kind = SiteKind.Village,
                Status = status,
                Broadband = Broadband.Fibre,
                CreatedAt = DateTime.UtcNow,
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site;
        });

    public static Task<Terminal> AddTerminalAsync(
        this TestApp app,
        Site site,
        string name,
        DateTime? lastPing = null,
        DateTime? lastReport = null,
        DateTime? revoked = null
    ) =>
        app.WithDbAsync(async db =>
        {
            var t = new Terminal
            {
                SiteId = site.Id,
                OrganizationId = site.OrganizationId,
                Name = name,
                KeyHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32),
                KeyHint = "abcd",
                KeyIssuedAt = DateTime.UtcNow,
                LastPingAt = lastPing,
                LastReportAt = lastReport,
                RevokedAt = revoked,
                CreatedAt = DateTime.UtcNow,
            };
            db.Terminals.Add(t);
            await db.SaveChangesAsync();
            return t;
        });

    /// <summary>A session from <paramref name="start"/> (UTC) for <paramref name="minutes"/>; its Month is the China
    /// month of the start.</summary>
    public static Task<ViewingSession> AddSessionAsync(
        this TestApp app,
        Site site,
        DateTime start,
        int minutes,
        string courseware = "党的二十大精神解读",
        int? attendees = null,
        bool manual = false,
        bool late = false,
        Terminal? terminal = null
    ) =>
        app.WithDbAsync(async db =>
        {
            var china = start.AddHours(8);
            var v = new ViewingSession
            {
                SiteId = site.Id,
                TerminalId = terminal?.Id,
                OrganizationId = site.OrganizationId,
                ClientId = Guid.NewGuid().ToString("N"),
                StartedAt = start,
                EndedAt = start.AddMinutes(minutes),
                Month = china.Year * 100 + china.Month,
                Courseware = courseware,
                AttendeeCount = attendees,
                Manual = manual,
                EnteredBy = manual ? "操作员" : null,
                Late = late,
                ReceivedAt = start.AddMinutes(minutes),
            };
            db.ViewingSessions.Add(v);
            await db.SaveChangesAsync();
            return v;
        });
}
