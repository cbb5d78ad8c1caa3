using Hongling.Web.Domain;
using Hongling.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>`seed --terminals N --terminal-keys FILE` (bench/sites.sh): N sites spread over the district's branches,
/// one
/// terminal each, and the terminals' device keys written to FILE, one "terminalId key" line each. Keys exist nowhere
/// else: the database keeps their hashes.</summary>
public static class DemoTerminals
{
    public static async Task<int> AddAsync(HonglingDb db, int count, string keysFile, DateTime now)
    {
        var branches = await db
            .Organizations.Where(o => o.Kind == OrgKind.Branch)
            .OrderBy(o => o.Id)
            .Select(o => o.Id)
            .ToListAsync();
        if (branches.Count == 0)
            return 0;
        var sites = Enumerable
            .Range(1, count)
            .Select(i => new Site
            {
                Name = $"远教站点{i:D5}",
                Code = $"BS{i:D6}",
                OrganizationId = branches[(i - 1) % branches.Count],
                Kind = SiteKind.Village,
                Broadband = Broadband.Fibre,
                Batch = 1 + i % 4,
                CreatedAt = now,
            })
            .ToList();
        await db.InsertManyAsync(sites);
        var keys = sites.Select(_ => TerminalKeys.New()).ToList();
        var terminals = sites
            .Select(
                (s, i) =>
                    new Terminal
                    {
                        SiteId = s.Id,
                        OrganizationId = s.OrganizationId,
                        Name = "站点电脑",
                        KeyHash = keys[i].Hash,
                        KeyHint = keys[i].Hint,
                        KeyIssuedAt = now,
                        CreatedAt = now,
                    }
            )
            .ToList();
        await db.InsertManyAsync(terminals);
        await File.WriteAllLinesAsync(keysFile, terminals.Select((t, i) => $"{t.Id} {keys[i].Key}"));
        return terminals.Count;
    }
}
