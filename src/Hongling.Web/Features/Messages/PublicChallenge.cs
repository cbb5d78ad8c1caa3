using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Hongling.Web.Features.Messages;

/// <summary>A simple question a visitor answers before leaving a message (no external captcha): the
/// answer travels in a data-protected token with its issue time, so any instance can check it, and it
/// expires after <see cref="Lifetime"/> by the platform clock.</summary>
public sealed class PublicChallenge(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);
    private readonly IDataProtector _protector = protection.CreateProtector("Hongling.Messages.PublicChallenge");

    public sealed record Question(string Text, string Token);

    public Question Create()
    {
        var a = RandomNumberGenerator.GetInt32(2, 10);
        var b = RandomNumberGenerator.GetInt32(2, 10);
        var payload = $"{a + b}|{clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return new Question($"{a} 加 {b} 等于几?", _protector.Protect(payload));
    }

    /// <summary>Null when the answer is right and the question fresh, else the error to show.</summary>
    public string? Check(string? token, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
            return "请回答验证问题";
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? "");
        }
        catch (CryptographicException)
        {
            return "验证问题无效,请重新回答";
        }
        var parts = payload.Split('|');
        var issued = new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc);
        if (clock.GetUtcNow().UtcDateTime - issued > Lifetime)
            return "验证问题已过期,请重新回答";
        return answer.Trim() == parts[0] ? null : "验证问题回答错误";
    }
}
