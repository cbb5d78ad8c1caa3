using System.Text.Json;
using Hongling.Web.Infrastructure.OrgScoping;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Everything a bulletin computed, frozen as JSON in <see cref="Domain.Bulletin.Content"/>: the issuer, its
/// units and each section in the seed's order (一 sites, 二 submissions, 三 platform, 四 targets) and the note on the
/// data's quality. A section without data says "暂无数据" itself; no figure is ever typed in.</summary>
public sealed record BulletinContent(
    int IssuerId,
    string IssuerName,
    IReadOnlyList<OrgUnit> Units,
    SitesSection Sites,
    SubmissionsSection Submissions,
    PlatformSection Platform,
    TargetsSection Targets,
    DataQualityNote Quality
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every figure of every section, under its stable key.</summary>
    public IEnumerable<BulletinFigure> Figures() =>
        [
            .. Sites.Figures(),
            .. Submissions.Figures(),
            .. Platform.Figures(),
            .. Targets.Figures(),
            .. Quality.Figures(),
        ];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BulletinContent FromJson(string json) =>
        JsonSerializer.Deserialize<BulletinContent>(json, Json)
        ?? throw new InvalidDataException("Empty bulletin content.");
}
