using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin as its pages, documents and API show it: the row, its frozen content and the comparison with
/// the previous month. Loaded through the scope, so a bulletin the caller may not read is null (404): a draft reaches
/// the issuer's administrators only; a published one everyone of the issuer's subtree, members included, since the
/// announcement that sends it links here.</summary>
public sealed record BulletinView(
    Bulletin Bulletin,
    BulletinContent Content,
    BulletinComparison Comparison,
    bool MayEdit
)
{
    public static async Task<BulletinView?> LoadAsync(HonglingDb db, int id, CancellationToken ct)
    {
        if (await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct) is not { } bulletin)
            return null;
        var mayEdit = db.Scope.IsSystem || db.Scope.Administers(bulletin.OrgPath);
        // A draft is the issuer's administrators' alone, whatever the audience filter lets a member of the issuer see.
        if (!bulletin.IsPublished && !mayEdit)
            return null;
        return new BulletinView(
            bulletin,
            BulletinContent.FromJson(bulletin.Content),
            await BulletinComparison.ForAsync(db, bulletin, ct),
            mayEdit
        );
    }

    public string Title => $"{Bulletin.Month / 100}年{Bulletin.Month % 100}月{Content.IssuerName}工作情况通报";
    public string NumberText => $"第{Bulletin.Number}期";
    public string DateText => $"{Bulletin.GeneratedAt.ToChina():yyyy年M月d日}";
    public string PeriodText =>
        Bulletin.FirstMonth == Bulletin.Month
            ? $"{Bulletin.Month % 100}月"
            : $"{Bulletin.FirstMonth % 100}-{Bulletin.Month % 100}月";

    /// <summary>A rate as the seed writes it: 94.9%.</summary>
    public static string Percent(decimal rate) => (rate * 100).ToString("0.#") + "%";
}
