using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Website;

/// <summary>Special columns (专题专栏): a column is the name that work updates and adopted submissions carry.</summary>
public static class SiteColumns
{
    public static async Task<IReadOnlyList<string>> NamesAsync(HonglingDb db, int take)
    {
        var fromUpdates = PublicContent.Updates(db).Where(w => w.Column != null).Select(w => w.Column!);
        var fromNews = PublicContent.News(db).Where(s => s.Column != null).Select(s => s.Column!);
        return await fromUpdates.Union(fromNews).OrderBy(c => c).Take(take).ToListAsync();
    }
}
