using System.ComponentModel.DataAnnotations;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Activities;

/// <summary>The form of a new activity. Times are entered in China time and stored in UTC.</summary>
public sealed class ActivityInput
{
    public int OrganizationId { get; set; }
    public ActivityKind Kind { get; set; } = ActivityKind.BranchMeeting;

    [Required(ErrorMessage = "请填写活动主题"), StringLength(200, ErrorMessage = "主题不超过200字")]
    public string? Topic { get; set; }

    [Required(ErrorMessage = "请填写活动地点"), StringLength(200, ErrorMessage = "地点不超过200字")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "请填写开始时间")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "请填写结束时间")]
    public DateTime? EndsAt { get; set; }

    /// <summary>Every member of the organization (and beneath it), or only <see cref="MemberIds"/>.</summary>
    public bool AllMembers { get; set; } = true;
    public List<int> MemberIds { get; set; } = [];

    public DateTime StartsAtUtc => DateTime.SpecifyKind(StartsAt!.Value - ChinaTime.Offset, DateTimeKind.Utc);
    public DateTime EndsAtUtc => DateTime.SpecifyKind(EndsAt!.Value - ChinaTime.Offset, DateTimeKind.Utc);

    /// <summary>Rule failures beyond the attributes, as (field, message).</summary>
    public IEnumerable<(string Field, string Message)> Check()
    {
        if (!Enum.IsDefined(Kind))
            yield return (nameof(Kind), "请选择活动类型");
        if (StartsAt is { } s && EndsAt is { } e)
        {
            if (e <= s)
                yield return (nameof(EndsAt), "结束时间应晚于开始时间");
            else if (e - s > TimeSpan.FromDays(1))
                yield return (nameof(EndsAt), "一次活动不超过24小时");
        }
        if (!AllMembers && MemberIds.Count == 0)
            yield return (nameof(MemberIds), "请至少选择一名参加人员");
    }
}
