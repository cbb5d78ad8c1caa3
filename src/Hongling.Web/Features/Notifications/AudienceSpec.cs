using Hongling.Web.Domain;

namespace Hongling.Web.Features.Notifications;

/// <summary>Whom a composed message goes to. Sources add up: organizations (with or without their subtrees), the
/// candidates of an exam, hand-picked members. Filters then narrow: member statuses (none: all), floating members
/// only, members who have not studied this month. Everything stays inside the caller's scope.</summary>
public sealed record AudienceSpec
{
    public IReadOnlyList<int> OrgIds { get; init; } = [];
    public bool IncludeSubtrees { get; init; } = true;
    public int? ExamId { get; init; }
    public IReadOnlyList<int> MemberIds { get; init; } = [];
    public IReadOnlyList<MemberStatus> Statuses { get; init; } = [];
    public bool FloatingOnly { get; init; }
    public bool NotStudiedThisMonth { get; init; }
}
