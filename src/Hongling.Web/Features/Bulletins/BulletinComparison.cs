using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin's figures beside the previous month's bulletin of the same issuer (its current version):
/// each rate's change in percentage points and each ranking's move. Keys name their kind: a rate's key ends in
/// <c>_rate</c> or <c>share</c>, a ranking's in <c>rank</c>.</summary>
public sealed class BulletinComparison
{
    private readonly Dictionary<(string, int?), decimal> previous;

    private BulletinComparison(int? previousMonth, Dictionary<(string, int?), decimal> previous)
    {
        PreviousMonth = previousMonth;
        this.previous = previous;
    }

    /// <summary>The month compared with; null when the issuer has no bulletin for the month before.</summary>
    public int? PreviousMonth { get; }

    public static async Task<BulletinComparison> ForAsync(HonglingDb db, Bulletin bulletin, CancellationToken ct)
    {
        var month = ChinaTime.PreviousMonth(bulletin.Month);
        var content = await db
            .Bulletins.Where(b => b.OrganizationId == bulletin.OrganizationId && b.Month == month && b.IsCurrent)
            .Select(b => b.Content)
            .FirstOrDefaultAsync(ct);
        if (content is null)
            return new(null, []);
        var figures = new Dictionary<(string, int?), decimal>();
        foreach (var f in BulletinContent.FromJson(content).Figures())
            figures[(f.Key, f.UnitId)] = f.Value;
        return new(month, figures);
    }

    public static bool IsRate(string key) =>
        key.EndsWith("_rate", StringComparison.Ordinal) || key.EndsWith("share", StringComparison.Ordinal);

    public static bool IsRank(string key) => key.EndsWith("rank", StringComparison.Ordinal);

    /// <summary>The figure's value in the previous bulletin, if it had one.</summary>
    public decimal? Before(string key, int? unitId) => previous.TryGetValue((key, unitId), out var v) ? v : null;

    /// <summary>"较上月+3.2个百分点" for a rate, "↑2" / "↓1" / "—" for a rank; empty when there is nothing to
    /// compare.</summary>
    public string Change(string key, int? unitId, decimal? now)
    {
        if (now is not { } value || Before(key, unitId) is not { } before)
            return "";
        if (IsRank(key))
        {
            var moved = (int)(before - value);
            return moved > 0 ? $"↑{moved}"
                : moved < 0 ? $"↓{-moved}"
                : "—";
        }
        if (!IsRate(key))
            return "";
        var points = Math.Round((value - before) * 100, 1);
        return points == 0 ? "与上月持平" : $"较上月{(points > 0 ? "+" : "")}{points:0.0}个百分点";
    }

    /// <summary>The figures with their previous values, for the JSON API.</summary>
    public IEnumerable<ComparedFigure> Annotate(IEnumerable<BulletinFigure> figures) =>
        figures.Select(f => new ComparedFigure(f.Key, f.UnitId, f.Value, Before(f.Key, f.UnitId)));
}

/// <summary>A figure with its value in the previous month's bulletin (null when that had none).</summary>
public sealed record ComparedFigure(string Key, int? UnitId, decimal Value, decimal? Previous);
