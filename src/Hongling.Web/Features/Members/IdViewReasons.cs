namespace Hongling.Web.Features.Members;

/// <summary>Why an administrator opens a member's full ID number: chosen before it shows, logged with the view
/// (HonglingDb.LogView) and shown to the member (谁查看了我的身份证号, IdViews).</summary>
public static class IdViewReasons
{
    public static readonly string[] All = ["核对党员信息", "办理组织关系转接", "办理党费或帮扶手续", "上级部门核查"];
    public const string Missing = "请选择查看原因:查看会连同原因记录下来,党员本人可以看到";

    public static bool IsValid(string? reason) => reason is not null && All.Contains(reason);
}
