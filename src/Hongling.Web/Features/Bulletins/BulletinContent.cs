using System.Text.Json;

namespace Hongling.Web.Features.Bulletins;

/// <summary>Everything a bulletin computed, frozen as JSON in <see cref="Domain.Bulletin.Content"/>: the issuer, its
/// units and each section. A section the platform has no data for yet is null and shows "暂无数据".</summary>
public sealed record BulletinContent(int IssuerId, string IssuerName, IReadOnlyList<BulletinUnit> Units, TargetsSection Targets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every figure of every section, under its stable key.</summary>
    public IEnumerable<BulletinFigure> Figures() => Targets.Figures();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BulletinContent FromJson(string json) =>
        JsonSerializer.Deserialize<BulletinContent>(json, Json) ?? throw new InvalidDataException("Empty bulletin content.");
}
