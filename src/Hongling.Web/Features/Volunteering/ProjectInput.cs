using Hongling.Web.Infrastructure;

namespace Hongling.Web.Features.Volunteering;

/// <summary>The form of a volunteer project, times in China time, with its checks in Chinese.</summary>
public sealed class ProjectInput
{
    public int OrganizationId { get; set; }
    public string? Title { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int? Capacity { get; set; }

    public DateTime StartsAtUtc => DateTime.SpecifyKind(StartsAt - ChinaTime.Offset, DateTimeKind.Utc);
    public DateTime EndsAtUtc => DateTime.SpecifyKind(EndsAt - ChinaTime.Offset, DateTimeKind.Utc);

    public IEnumerable<(string Field, string Message)> Check()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
            yield return (nameof(Title), "请填写项目名称(不超过200字)");
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > 200)
            yield return (nameof(Place), "请填写服务地点(不超过200字)");
        if (Description?.Length > 2000)
            yield return (nameof(Description), "项目介绍不超过2000字");
        if (StartsAt == default)
            yield return (nameof(StartsAt), "请填写开始时间");
        if (EndsAt <= StartsAt)
            yield return (nameof(EndsAt), "结束时间应晚于开始时间");
        else if ((EndsAt - StartsAt).TotalDays > 366)
            yield return (nameof(EndsAt), "一个项目不超过一年");
        if (Capacity is < 1 or > 100000)
            yield return (nameof(Capacity), "招募人数应为 1 到 100000,不限可留空");
    }
}
