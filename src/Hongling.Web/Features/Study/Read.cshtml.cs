using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>The reader: the material itself, and for members the heartbeat script that earns study time
/// (wwwroot/js/study.js) with the minutes credited so far.</summary>
[SignedInPage]
public sealed class ReadModel(HonglingDb db, TimeProvider clock, IConfiguration config) : PageModel
{
    public Material Material { get; private set; } = null!;
    public string Publisher { get; private set; } = "";
    public int Credited { get; private set; }
    public bool Completed { get; private set; }
    public bool CanStudy => db.Scope.MemberId is not null;
    public int BeatSeconds =>
        Math.Clamp(
            config.GetValue("Study:BeatSeconds", StudyRules.BeatSeconds),
            StudyRules.MinBeatSeconds,
            StudyRules.MaxBeatSeconds
        );

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var m = await MaterialQueries
            .Readable(db, now)
            .Where(x => x.Id == id)
            .Select(x => new { Material = x, Publisher = x.Organization.Name })
            .FirstOrDefaultAsync();
        if (m is null)
            return NotFound();
        (Material, Publisher) = (m.Material, m.Publisher);
        var me = db.Scope.MemberId;
        var progress = await db
            .MaterialProgress.Where(p => p.MemberId == me && p.MaterialId == id)
            .Select(p => new { p.CreditedMinutes, p.CompletedAt })
            .FirstOrDefaultAsync();
        Credited = progress?.CreditedMinutes ?? 0;
        Completed = progress?.CompletedAt is not null;
        return Page();
    }
}
