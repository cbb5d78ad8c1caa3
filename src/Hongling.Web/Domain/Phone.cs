using System.Text.RegularExpressions;

namespace Hongling.Web.Domain;

/// <summary>An organization's contact phone: a mobile number or a landline with its area code
/// ("023-12345678", "02312345678", optionally with an extension "-123").</summary>
public static partial class Phone
{
    public static string? Validate(string? raw) =>
        string.IsNullOrWhiteSpace(raw) || Pattern().IsMatch(raw.Trim())
            ? null
            : "联系电话应为11位手机号码或带区号的固定电话,如 023-12345678";

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex Pattern();
}
