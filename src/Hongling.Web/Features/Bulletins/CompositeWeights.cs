using System.Text.Json;

namespace Hongling.Web.Features.Bulletins;

/// <summary>The weights of the composite usage rate (综合使用率), set by the district in the bulletin settings. The
/// composite is the weighted mean of the platform section's rates (each 0–1):
/// <c>Σ weightᵢ × rateᵢ / Σ weightᵢ</c>, taken over the rates that apply — a rate whose whole is zero (no
/// branches, no members, no administrators) is left out and the other weights carry the index; with none
/// applying the composite is absent. The defaults weigh every rate alike (a plain mean of eleven rates).</summary>
/// <param name="Profiles">Profiles maintained over organizations (简介维护率, to date).</param>
/// <param name="Administrators">Organizations with an administrator over organizations (管理员配备率).</param>
/// <param name="MemberInfo">Members whose information was updated over members (党员信息更新率, to date).</param>
/// <param name="Activities">Branches that initiated an activity this month over branches.</param>
/// <param name="WorkUpdates">Branches that published a work update this month over branches (工作动态发布率).</param>
/// <param name="Notices">Branches that published an announcement this month over branches.</param>
/// <param name="AlbumPhotos">Branches that uploaded an album photo this month over branches.</param>
/// <param name="AdministratorSignIns">Administrators who signed in this month over administrators (管理员登录率).</param>
/// <param name="MemberUsage">Members who signed in this month over members (党员使用平台率).</param>
/// <param name="DuesStandards">Members with a dues standard entered over members (党费标准录入比例).</param>
/// <param name="MemberPhotos">Members with a photo over members (党员相片维护).</param>
public sealed record CompositeWeights(
    decimal Profiles = 1,
    decimal Administrators = 1,
    decimal MemberInfo = 1,
    decimal Activities = 1,
    decimal WorkUpdates = 1,
    decimal Notices = 1,
    decimal AlbumPhotos = 1,
    decimal AdministratorSignIns = 1,
    decimal MemberUsage = 1,
    decimal DuesStandards = 1,
    decimal MemberPhotos = 1
)
{
    public static readonly CompositeWeights Default = new();

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<decimal> All =>
        [
            Profiles,
            Administrators,
            MemberInfo,
            Activities,
            WorkUpdates,
            Notices,
            AlbumPhotos,
            AdministratorSignIns,
            MemberUsage,
            DuesStandards,
            MemberPhotos,
        ];

    /// <summary>Weights are zero or positive and at least one is positive; the settings form says so in
    /// Chinese.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsValid => All.All(w => w >= 0) && All.Any(w => w > 0);

    /// <summary>The weights stored in the settings (JSON of this record's properties); the defaults when none are
    /// stored.</summary>
    public static CompositeWeights Parse(string? json) =>
        string.IsNullOrWhiteSpace(json)
            ? Default
            : JsonSerializer.Deserialize<CompositeWeights>(json, JsonOptions) ?? Default;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public const string InvalidMessage = "综合使用率的权重不能为负数,且至少有一项大于0。";

    /// <summary>The composite of (part, whole, weight) triples, rounded to four places; null when no rate
    /// applies.</summary>
    public static decimal? Index(IEnumerable<(int Part, int Whole, decimal Weight)> rates)
    {
        decimal sum = 0,
            weights = 0;
        foreach (var (part, whole, weight) in rates)
        {
            if (whole == 0 || weight == 0)
                continue;
            sum += weight * part / whole;
            weights += weight;
        }
        return weights == 0 ? null : Math.Round(sum / weights, 4);
    }
}
