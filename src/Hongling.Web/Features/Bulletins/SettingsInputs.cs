using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hongling.Web.Features.Bulletins;

/// <summary>The settings form (通报设置): how an issuer's bulletins are made. The attributes check each field; the
/// weights are checked as a whole by <see cref="Validate"/>.</summary>
public sealed class SettingsInput
{
    [
        Required(ErrorMessage = "请选择{0}"),
        Range(1, 12, ErrorMessage = "{0}应为1到12月"),
        Display(Name = "“截止月底”比率自几月起算")
    ]
    public int? RatesFromMonth { get; set; }

    [
        Required(ErrorMessage = "请选择{0}"),
        Range(1, 12, ErrorMessage = "{0}应为1到12个月"),
        Display(Name = "信息报送统计月数")
    ]
    public int? SubmissionMonths { get; set; }

    [Display(Name = "每月1日8:00自动生成上月通报")]
    public bool Automatic { get; set; }

    public WeightsInput Weights { get; set; } = new();

    public static SettingsInput From(BulletinSettings? row, bool isRoot) =>
        new()
        {
            RatesFromMonth = row?.RatesFromMonth ?? 1,
            SubmissionMonths = row?.SubmissionMonths ?? 1,
            // What the schedule does: a root without settings is generated automatically, anything else only when
            // asked.
            Automatic = row?.Automatic ?? isRoot,
            Weights = WeightsInput.From(CompositeWeights.Parse(row?.CompositeWeights)),
        };

    /// <summary>Adds the errors the attributes cannot see: each weight filled in, not negative, at most two decimals
    /// and
    /// at most <see cref="WeightsInput.Max"/>; at least one above zero.</summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        var weights = $"{prefix}.{nameof(Weights)}";
        foreach (var (key, value) in Weights.Items())
        {
            var field = $"{weights}.{key}";
            if (state.GetFieldValidationState(field) == ModelValidationState.Invalid)
                continue;
            if (value is null)
                state.AddModelError(field, "请填写权重(不计入可填0)");
            else if (value < 0)
                state.AddModelError(field, CompositeWeights.InvalidMessage);
            else if (value > WeightsInput.Max)
                state.AddModelError(field, $"权重不超过{WeightsInput.Max}");
            else if (decimal.Round(value.Value, 2) != value)
                state.AddModelError(field, "权重最多保留两位小数");
        }
        if (Weights.Items().All(w => w.Value is >= 0) && Weights.Items().All(w => w.Value == 0))
            state.AddModelError(weights, CompositeWeights.InvalidMessage);
    }

    public void ApplyTo(BulletinSettings row)
    {
        row.RatesFromMonth = RatesFromMonth!.Value;
        row.SubmissionMonths = SubmissionMonths!.Value;
        row.Automatic = Automatic;
        row.CompositeWeights = Weights.ToWeights().ToJson();
    }
}

/// <summary>The eleven weights of the composite usage rate (<see cref="CompositeWeights"/>), as the form posts
/// them.</summary>
public sealed class WeightsInput
{
    public const decimal Max = 100;

    [Display(Name = "组织简介维护率")]
    public decimal? Profiles { get; set; }

    [Display(Name = "管理员配备率")]
    public decimal? Administrators { get; set; }

    [Display(Name = "党员信息更新率")]
    public decimal? MemberInfo { get; set; }

    [Display(Name = "支部发起活动比例")]
    public decimal? Activities { get; set; }

    [Display(Name = "工作动态发布率")]
    public decimal? WorkUpdates { get; set; }

    [Display(Name = "组织公告发布率")]
    public decimal? Notices { get; set; }

    [Display(Name = "支部相册上传比例")]
    public decimal? AlbumPhotos { get; set; }

    [Display(Name = "管理员登录率")]
    public decimal? AdministratorSignIns { get; set; }

    [Display(Name = "党员使用平台率")]
    public decimal? MemberUsage { get; set; }

    [Display(Name = "党费标准录入比例")]
    public decimal? DuesStandards { get; set; }

    [Display(Name = "党员相片维护率")]
    public decimal? MemberPhotos { get; set; }

    /// <summary>The weights by property name, in the order of <see cref="CompositeWeights"/>.</summary>
    public IReadOnlyList<(string Key, decimal? Value)> Items() =>
        [
            (nameof(Profiles), Profiles),
            (nameof(Administrators), Administrators),
            (nameof(MemberInfo), MemberInfo),
            (nameof(Activities), Activities),
            (nameof(WorkUpdates), WorkUpdates),
            (nameof(Notices), Notices),
            (nameof(AlbumPhotos), AlbumPhotos),
            (nameof(AdministratorSignIns), AdministratorSignIns),
            (nameof(MemberUsage), MemberUsage),
            (nameof(DuesStandards), DuesStandards),
            (nameof(MemberPhotos), MemberPhotos),
        ];

    public static WeightsInput From(CompositeWeights w) =>
        new()
        {
            Profiles = w.Profiles,
            Administrators = w.Administrators,
            MemberInfo = w.MemberInfo,
            Activities = w.Activities,
            WorkUpdates = w.WorkUpdates,
            Notices = w.Notices,
            AlbumPhotos = w.AlbumPhotos,
            AdministratorSignIns = w.AdministratorSignIns,
            MemberUsage = w.MemberUsage,
            DuesStandards = w.DuesStandards,
            MemberPhotos = w.MemberPhotos,
        };

    public CompositeWeights ToWeights() =>
        new(
            Profiles!.Value,
            Administrators!.Value,
            MemberInfo!.Value,
            Activities!.Value,
            WorkUpdates!.Value,
            Notices!.Value,
            AlbumPhotos!.Value,
            AdministratorSignIns!.Value,
            MemberUsage!.Value,
            DuesStandards!.Value,
            MemberPhotos!.Value
        );
}

/// <summary>The targets form (下月工作重点): one month's targets, rates entered as percentages and stored as
/// fractions.</summary>
public sealed class TargetsInput
{
    private const string Count = "{0}应为0到100之间的整数",
        Percent = "{0}应为0到100之间的数",
        Missing = "请填写{0}";

    /// <summary>The month as <c>&lt;input type="month"&gt;</c> posts it (yyyy-MM).</summary>
    [Required(ErrorMessage = "请选择目标月份"), Display(Name = "目标月份")]
    public string? Month { get; set; }

    [Required(ErrorMessage = Missing), Range(0, 100, ErrorMessage = Count), Display(Name = "每个支部发起组织活动(次)")]
    public int? ActivitiesPerBranch { get; set; }

    [Required(ErrorMessage = Missing), Range(0, 100, ErrorMessage = Count), Display(Name = "每个支部上传相册照片(张)")]
    public int? AlbumPhotosPerBranch { get; set; }

    [Required(ErrorMessage = Missing), Range(0, 100, ErrorMessage = Count), Display(Name = "每个支部发布工作动态(期)")]
    public int? WorkUpdatesPerBranch { get; set; }

    [Required(ErrorMessage = Missing), Range(0, 100, ErrorMessage = Count), Display(Name = "每个支部发布组织公告(次)")]
    public int? NoticesPerBranch { get; set; }

    [
        Required(ErrorMessage = Missing),
        Range(0, 100, ErrorMessage = Count),
        Display(Name = "每名预备党员上传思想汇报(篇)")
    ]
    public int? ThoughtReportsPerProbationary { get; set; }

    [Required(ErrorMessage = Missing), Display(Name = "机关和事业单位党员登录率(%)")]
    public decimal? OrganSignInRate { get; set; }

    [Required(ErrorMessage = Missing), Display(Name = "全体党员登录率(%)")]
    public decimal? OverallSignInRate { get; set; }

    [Required(ErrorMessage = Missing), Display(Name = "管理员登录比例(%)")]
    public decimal? AdminSignInRate { get; set; }

    [Required(ErrorMessage = Missing), Display(Name = "党组织和党员信息完整度(%)")]
    public decimal? CompletenessRate { get; set; }

    [Required(ErrorMessage = Missing), Display(Name = "党费标准录入比例(%)")]
    public decimal? DuesRate { get; set; }

    [Display(Name = "未完成上月任务的单位在此日期前完成(可不填)")]
    public DateOnly? CatchUpBy { get; set; }

    public static string MonthValue(int month) => $"{month / 100:D4}-{month % 100:D2}";

    /// <summary>yyyy-MM as yyyyMM; null when it is not a month the platform shows.</summary>
    public static int? ParseMonth(string? value) =>
        DateOnly.TryParseExact(
            $"{value?.Trim()}-01",
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var d
        ) && ChinaTime.IsMonth(d.Year * 100 + d.Month)
            ? d.Year * 100 + d.Month
            : null;

    public static TargetsInput From(BulletinTargets row) =>
        new()
        {
            Month = MonthValue(row.Month),
            ActivitiesPerBranch = row.ActivitiesPerBranch,
            AlbumPhotosPerBranch = row.AlbumPhotosPerBranch,
            WorkUpdatesPerBranch = row.WorkUpdatesPerBranch,
            NoticesPerBranch = row.NoticesPerBranch,
            ThoughtReportsPerProbationary = row.ThoughtReportsPerProbationary,
            OrganSignInRate = AsPercent(row.OrganSignInRate),
            OverallSignInRate = AsPercent(row.OverallSignInRate),
            AdminSignInRate = AsPercent(row.AdminSignInRate),
            CompletenessRate = AsPercent(row.CompletenessRate),
            DuesRate = AsPercent(row.DuesRate),
            CatchUpBy = row.CatchUpBy,
        };

    /// <summary>Adds the errors the attributes cannot see: the month (this month or later), each percentage within
    /// 0–100 with at most two decimals, the deadline inside the target month or the one after (the bulletin prints it
    /// as "M月D日", without the year).</summary>
    public void Validate(ModelStateDictionary state, string prefix, int thisMonth)
    {
        var month = ParseMonth(Month);
        if (state.GetFieldValidationState($"{prefix}.{nameof(Month)}") != ModelValidationState.Invalid)
        {
            if (month is null)
                state.AddModelError($"{prefix}.{nameof(Month)}", "请选择目标月份");
            else if (month < thisMonth)
                state.AddModelError($"{prefix}.{nameof(Month)}", "只能为本月或以后的月份设定目标");
        }
        foreach (var (key, value) in Percentages())
        {
            var field = $"{prefix}.{key}";
            if (value is null || state.GetFieldValidationState(field) == ModelValidationState.Invalid)
                continue;
            if (value is < 0 or > 100)
                state.AddModelError(field, "请填写0到100之间的百分数");
            else if (decimal.Round(value.Value, 2) != value)
                state.AddModelError(field, "百分数最多保留两位小数");
        }
        if (
            month is { } m
            && CatchUpBy is { } by
            && by.Year * 100 + by.Month is var on
            && on != m
            && on != ChinaTime.NextMonth(m)
        )
            state.AddModelError($"{prefix}.{nameof(CatchUpBy)}", $"完成期限应在{m / 100}年{m % 100}月或下一个月之内");
    }

    public void ApplyTo(BulletinTargets row)
    {
        row.Month = ParseMonth(Month)!.Value;
        row.ActivitiesPerBranch = ActivitiesPerBranch!.Value;
        row.AlbumPhotosPerBranch = AlbumPhotosPerBranch!.Value;
        row.WorkUpdatesPerBranch = WorkUpdatesPerBranch!.Value;
        row.NoticesPerBranch = NoticesPerBranch!.Value;
        row.ThoughtReportsPerProbationary = ThoughtReportsPerProbationary!.Value;
        row.OrganSignInRate = OrganSignInRate!.Value / 100;
        row.OverallSignInRate = OverallSignInRate!.Value / 100;
        row.AdminSignInRate = AdminSignInRate!.Value / 100;
        row.CompletenessRate = CompletenessRate!.Value / 100;
        row.DuesRate = DuesRate!.Value / 100;
        row.CatchUpBy = CatchUpBy;
    }

    private IEnumerable<(string Key, decimal? Value)> Percentages() =>
        [
            (nameof(OrganSignInRate), OrganSignInRate),
            (nameof(OverallSignInRate), OverallSignInRate),
            (nameof(AdminSignInRate), AdminSignInRate),
            (nameof(CompletenessRate), CompletenessRate),
            (nameof(DuesRate), DuesRate),
        ];

    /// <summary>A stored fraction as the percentage the form shows (0.4000 → 40), without trailing zeros.</summary>
    private static decimal AsPercent(decimal fraction) =>
        decimal.Parse((fraction * 100).ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
