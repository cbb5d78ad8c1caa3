using System.Net.Mail;

namespace Hongling.Web.Domain;

/// <summary>Email addresses as the platform keeps them on accounts: checked before anything is sent to one, masked
/// in lists and exports.</summary>
public static class Email
{
    /// <summary>Null when the address can be sent to; else why not, in Chinese.</summary>
    public static string? Validate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return "未登记电子邮箱";
        var v = raw.Trim();
        return
            v.Length <= 200
            && !v.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(v, out var a)
            && a.Address == v
            && a.Host.Contains('.')
            && !a.Host.StartsWith('.')
            && !a.Host.EndsWith('.')
            ? null
            : "电子邮箱格式不正确";
    }

    /// <summary>"zhangsan@example.com" → "z***@example.com".</summary>
    public static string Mask(string value)
    {
        var at = value.IndexOf('@');
        return at <= 0 ? "****" : value[0] + "***" + value[at..];
    }
}
