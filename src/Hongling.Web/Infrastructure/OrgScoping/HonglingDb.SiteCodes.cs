using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

public abstract partial class HonglingDb
{
    /// <summary>Named escape: whether a site code (站点编码) is taken anywhere in the platform. Codes are unique across
    /// the district (a unique index), so a town's administrator choosing a code must learn that another town already
    /// uses it, or the insert fails; only the yes/no leaves this method, never the other site.</summary>
    public Task<bool> SiteCodeTakenAsync(string code, int? exceptSiteId, CancellationToken ct = default) =>
        Sites.IgnoreQueryFilters().AnyAsync(s => s.Code == code && s.Id != (exceptSiteId ?? 0), ct);

    /// <inheritdoc cref="SiteCodeTakenAsync"/>
    public async Task<HashSet<string>> SiteCodesTakenAsync(
        IReadOnlyCollection<string> codes,
        CancellationToken ct = default
    ) => [.. await Sites.IgnoreQueryFilters().Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct)];
}
