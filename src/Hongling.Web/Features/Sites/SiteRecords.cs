using System.ComponentModel.DataAnnotations;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Sites;

/// <summary>A maintenance record as entered (维护记录): the cost in yuan as a decimal with at most two places.</summary>
public sealed class MaintenanceInput
{
    public const decimal MaxCost = 10_000_000m;

    [Required(ErrorMessage = "请填写维护日期")]
    public DateOnly? Date { get; set; }

    [
        Required(ErrorMessage = "请填写维护内容"),
        StringLength(SiteMaintenance.WorkLength, ErrorMessage = "维护内容不超过500字")
    ]
    public string Work { get; set; } = "";

    [Required(ErrorMessage = "请填写费用(元),没有费用填0")]
    public decimal? Cost { get; set; }

    public IEnumerable<(string Field, string Message)> Check(DateOnly today)
    {
        if (Date is { } d && d > today)
            yield return (nameof(Date), "维护日期不能晚于今天");
        if (Cost is { } c)
        {
            if (c < 0)
                yield return (nameof(Cost), "费用不能为负数");
            else if (c > MaxCost)
                yield return (nameof(Cost), "费用不能超过1000万元");
            else if (decimal.Round(c, 2) != c)
                yield return (nameof(Cost), "费用最多保留两位小数(元到分)");
        }
    }
}

/// <summary>A change of a piece of equipment's state, with the reason.</summary>
public sealed class StateChangeInput
{
    [Required(ErrorMessage = "请选择新的状态")]
    public EquipmentState? State { get; set; }

    [
        Required(ErrorMessage = "请填写变更说明,如故障现象或维修情况"),
        StringLength(EquipmentStateChange.NoteLength, ErrorMessage = "说明不超过200字")
    ]
    public string Note { get; set; } = "";
}
