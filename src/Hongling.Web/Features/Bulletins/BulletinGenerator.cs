using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Hongling.Web.Features.Submissions;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Computes a bulletin's sections for an issuer and month and stores them frozen, as a new version.</summary>
public sealed class BulletinGenerator(
    HonglingDb db,
    TimeProvider clock,
    IOptions<SitesOptions> sites,
    IConfiguration config
)
{
    /// <summary>The period of <paramref name="month"/> under the issuer's settings (defaults: rates since 1 January,
    /// submissions over the month alone).</summary>
    public async Task<BulletinPeriod> PeriodAsync(int issuerId, int month, CancellationToken ct)
    {
        var settings = await db.BulletinSettings.FirstOrDefaultAsync(s => s.OrganizationId == issuerId, ct)
            ?? new BulletinSettings();
        var first = month;
        for (var i = 1; i < Math.Clamp(settings.SubmissionMonths, 1, 12); i++)
            first = ChinaTime.PreviousMonth(first);
        var fromMonth = Math.Clamp(settings.RatesFromMonth, 1, 12);
        var year = fromMonth <= month % 100 ? month / 100 : month / 100 - 1;
        return new BulletinPeriod(month, first, new DateOnly(year, fromMonth, 1));
    }

    /// <summary>Everything the bulletin of <paramref name="issuer"/> for <paramref name="period"/> says; each section's
    /// time goes to <paramref name="timings"/> when given.</summary>
    public async Task<BulletinContent> ComputeAsync(
        ScopedOrg issuer,
        BulletinPeriod period,
        CancellationToken ct,
        BulletinTimings? timings = null
    )
    {
        timings ??= new BulletinTimings();
        var settings = await db.BulletinSettings.FirstOrDefaultAsync(s => s.OrganizationId == issuer.Id, ct)
            ?? new BulletinSettings();
        var units = await OrgUnits.ForAsync(db, issuer, ct);
        var siteUsage = await timings.TimeAsync("sites", () =>
            SitesSection.ForAsync(db, issuer, period, sites.Value, ct)
        );
        var submissions = await timings.TimeAsync("submissions", async () =>
            await SubmissionsSection.ForAsync(db, issuer, period, await SubmissionRules.QuotaAsync(db, config), ct)
        );
        var platform = await timings.TimeAsync("platform", () =>
            PlatformSection.ForAsync(db, issuer, period, CompositeWeights.Parse(settings.CompositeWeights), ct)
        );
        var targets = await timings.TimeAsync("targets", () =>
            TargetsSection.ForAsync(db, issuer, units, period, [.. platform.Figures()], ct)
        );
        var quality = await timings.TimeAsync("quality", () =>
            DataQualityNote.ForAsync(db, issuer, period, siteUsage, ct)
        );
        return new BulletinContent(
            issuer.Id,
            issuer.Name,
            units.List,
            siteUsage,
            submissions,
            platform,
            targets,
            quality
        );
    }

    /// <summary>Generates and stores a new version of the issuer's bulletin for the month. Returns null when
    /// <paramref name="automatic"/> and the month already has a bulletin (made by another instance, or by hand
    /// before the schedule ran): exactly one automatic bulletin per issuer and month. Each section's time, and the
    /// storing's ("store"), go to <paramref name="timings"/> when given.</summary>
    public async Task<Bulletin?> GenerateAsync(
        ScopedOrg issuer,
        int month,
        bool automatic,
        CancellationToken ct,
        BulletinTimings? timings = null
    )
    {
        if (!ChinaTime.IsMonth(month))
            throw new ArgumentOutOfRangeException(nameof(month), month, "Not a yyyyMM month.");
        timings ??= new BulletinTimings();
        var period = await PeriodAsync(issuer.Id, month, ct);
        var content = await ComputeAsync(issuer, period, ct, timings);
        return await timings.TimeAsync("store", () => StoreAsync(issuer, month, automatic, period, content, ct));
    }

    private async Task<Bulletin?> StoreAsync(
        ScopedOrg issuer,
        int month,
        bool automatic,
        BulletinPeriod period,
        BulletinContent content,
        CancellationToken ct
    )
    {
        var versions = await db.Bulletins.Where(b => b.OrganizationId == issuer.Id && b.Month == month).ToListAsync(ct);
        if (automatic && versions.Count > 0)
            return null;
        var number =
            versions.Count > 0
                ? versions[0].Number
                : 1
                    + await db
                        .Bulletins.Where(b => b.OrganizationId == issuer.Id && b.Month / 100 == month / 100)
                        .Select(b => b.Month)
                        .Distinct()
                        .CountAsync(ct);
        foreach (var old in versions)
            old.IsCurrent = false;
        var previousText = versions.OrderByDescending(v => v.Version).FirstOrDefault()?.Text;
        var bulletin = new Bulletin
        {
            OrganizationId = issuer.Id,
            IssuerName = issuer.Name,
            AudiencePath = issuer.Path,
            Month = month,
            FirstMonth = period.FirstMonth,
            RatesSince = period.RatesSince,
            Number = number,
            Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
            IsCurrent = true,
            Automatic = automatic,
            Content = content.ToJson(),
            Text = previousText is null ? new BulletinText() : Copy(previousText),
            GeneratedAt = clock.GetUtcNow().UtcDateTime,
            GeneratedBy = db.Scope.ActorName,
        };
        db.Bulletins.Add(bulletin);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (automatic)
        {
            // Another instance stored the month's bulletin between our read and our write: the unique key kept one.
            db.ChangeTracker.Clear();
            return null;
        }
        return bulletin;
    }

    private static BulletinText Copy(BulletinText t) =>
        new()
        {
            Opening = t.Opening,
            SitesComment = t.SitesComment,
            SubmissionsNote = t.SubmissionsNote,
            PlatformComment = t.PlatformComment,
            NextMonth = t.NextMonth,
        };
}
