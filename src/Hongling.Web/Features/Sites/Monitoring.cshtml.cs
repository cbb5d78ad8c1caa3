using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Sites;

/// <summary>在线监测 (Bole monitors remote-education work online): for an organization's subtree, each terminal's last
/// ping and last report and whether it is online now (pinged within <see cref="SitesOptions.OnlineMinutes"/>); sites in
/// use that are silent (no ping and no report from any of their terminals for <see cref="SitesOptions.SilentDays"/>
/// days); sites in use without a terminal (无终端, shown apart: their sessions are entered by hand); equipment in 故障.
/// Counts come from the database; each list shows at most <see cref="ListSize"/> rows. The page reloads itself every
/// <see cref="RefreshSeconds"/> seconds (a Refresh header, which needs no script under the strict CSP).
/// Revoked terminals are left out: they can no longer report.</summary>
public sealed class MonitoringModel(HonglingDb db, TimeProvider clock, IOptions<SitesOptions> options) : PageModel
{
    public const int ListSize = 100,
        RefreshSeconds = 60;

    [BindProperty(SupportsGet = true)]
    public int? OrgId { get; set; }

    public sealed record TerminalRow(
        int Id,
        string Name,
        int SiteId,
        string SiteName,
        string OrgName,
        DateTime? LastPingAt,
        DateTime? LastReportAt,
        bool Online
    );

    public sealed record SilentSite(int Id, string Name, string OrgName, DateTime? LastPingAt, DateTime? LastReportAt);

    public sealed record SiteRow(int Id, string Name, string OrgName);

    public sealed record FaultyRow(
        int Id,
        EquipmentKind Kind,
        string? Model,
        string? Serial,
        int SiteId,
        string SiteName,
        DateTime? Since
    );

    public string OrgName { get; private set; } = "";
    public DateTime Now { get; private set; }
    public SitesOptions Options => options.Value;
    public int Terminals { get; private set; }
    public int OnlineCount { get; private set; }
    public int SilentCount { get; private set; }
    public int NoTerminalCount { get; private set; }
    public int FaultyCount { get; private set; }
    public IReadOnlyList<TerminalRow> TerminalRows { get; private set; } = [];
    public IReadOnlyList<SilentSite> Silent { get; private set; } = [];
    public IReadOnlyList<SiteRow> NoTerminal { get; private set; } = [];
    public IReadOnlyList<FaultyRow> Faulty { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ScopedOrg.PickAsync(db, OrgId) is not { } org)
            return NotFound();
        (OrgId, OrgName) = (org.Id, org.Name);
        Now = clock.GetUtcNow().UtcDateTime;
        var onlineSince = Now.AddMinutes(-Options.OnlineMinutes);
        var silentSince = Now.AddDays(-Options.SilentDays);
        Response.Headers["Refresh"] = RefreshSeconds.ToString();

        var terminals = db.Terminals.InSubtree(org.Path).Where(t => t.RevokedAt == null);
        Terminals = await terminals.CountAsync(ct);
        OnlineCount = await terminals.CountAsync(t => t.LastPingAt >= onlineSince, ct);
        // Offline first (never pinged, then the longest silent), so that the list shows what needs a visit.
        TerminalRows = await terminals
            .OrderBy(t => t.LastPingAt >= onlineSince)
            .ThenBy(t => t.LastPingAt)
            .ThenBy(t => t.Id)
            .Take(ListSize)
            .Select(t => new TerminalRow(
                t.Id,
                t.Name,
                t.SiteId,
                t.Site.Name,
                t.Organization.Name,
                t.LastPingAt,
                t.LastReportAt,
                t.LastPingAt >= onlineSince
            ))
            .ToListAsync(ct);

        var inUse = db.Sites.InSubtree(org.Path).Where(s => s.Status == SiteStatus.InUse);
        var silent = inUse.Where(s =>
            db.Terminals.Any(t => t.SiteId == s.Id && t.RevokedAt == null)
            && !db.Terminals.Any(t =>
                t.SiteId == s.Id
                && t.RevokedAt == null
                && (t.LastPingAt >= silentSince || t.LastReportAt >= silentSince)
            )
        );
        SilentCount = await silent.CountAsync(ct);
        Silent = await silent
            .OrderBy(s => s.Code)
            .Take(ListSize)
            .Select(s => new SilentSite(
                s.Id,
                s.Name,
                s.Organization.Name,
                db.Terminals.Where(t => t.SiteId == s.Id && t.RevokedAt == null).Max(t => t.LastPingAt),
                db.Terminals.Where(t => t.SiteId == s.Id && t.RevokedAt == null).Max(t => t.LastReportAt)
            ))
            .ToListAsync(ct);

        var noTerminal = inUse.Where(s => !db.Terminals.Any(t => t.SiteId == s.Id && t.RevokedAt == null));
        NoTerminalCount = await noTerminal.CountAsync(ct);
        NoTerminal = await noTerminal
            .OrderBy(s => s.Code)
            .Take(ListSize)
            .Select(s => new SiteRow(s.Id, s.Name, s.Organization.Name))
            .ToListAsync(ct);

        var faulty = db.Equipment.InSubtree(org.Path).Where(e => e.State == EquipmentState.Faulty);
        FaultyCount = await faulty.CountAsync(ct);
        Faulty = await faulty
            .OrderBy(e => e.SiteId)
            .ThenBy(e => e.Id)
            .Take(ListSize)
            .Select(e => new FaultyRow(
                e.Id,
                e.Kind,
                e.Model,
                e.Serial,
                e.SiteId,
                e.Site.Name,
                e.History.Where(h => h.To == EquipmentState.Faulty).Max(h => (DateTime?)h.ChangedAt)
            ))
            .ToListAsync(ct);
        return Page();
    }

    public static string When(DateTime? utc) =>
        utc is { } t ? (t + TimeSpan.FromHours(8)).ToString("M月d日 HH:mm") : "从未";

    public static string KindLabel(EquipmentKind kind) =>
        kind switch
        {
            EquipmentKind.SatelliteReceiver => "卫星接收设备",
            EquipmentKind.SetTopBox => "机顶盒",
            EquipmentKind.Modem => "调制解调器",
            EquipmentKind.Television => "电视机",
            EquipmentKind.Computer => "电脑",
            EquipmentKind.Projector => "投影仪",
            _ => "其他",
        };
}
