using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;

namespace Hongling.Web.Features.Notifications;

/// <summary>The members of an audience with their addresses, and what each channel can do with them: an address
/// to send to, or the reason it is skipped (none on file, or malformed).</summary>
public static class Recipients
{
    public sealed record Addressed(int MemberId, string Mobile, string? Email);

    /// <summary>One row per member, with the email of their sign-in account (if any).</summary>
    public static IQueryable<Addressed> Of(HonglingDb db, IQueryable<Member> members) =>
        members.Select(m => new Addressed(
            m.Id,
            m.Mobile,
            db.Users.Where(u => u.MemberId == m.Id).Select(u => u.Email).FirstOrDefault()
        ));

    public const string NoMobile = "未登记手机号";
    public const string NoEmail = "未登记电子邮箱";

    /// <summary>(address, null) when the channel can send to the member; ("", reason) when it cannot.</summary>
    public static (string Address, string? Skip) For(NotificationChannel channel, Addressed r) =>
        channel switch
        {
            NotificationChannel.Email => Email.Validate(r.Email) is { } bad ? ("", bad) : (r.Email!.Trim(), null),
            NotificationChannel.Sms => string.IsNullOrWhiteSpace(r.Mobile) ? ("", NoMobile)
            : Mobile.Validate(r.Mobile) is { } bad ? ("", bad)
            : (r.Mobile.Trim(), null),
            _ => ("", null),
        };

    /// <summary>Whether the skip reason is a missing address (counted apart) rather than a malformed one
    /// (listed).</summary>
    public static bool IsMissing(string reason) => reason is NoMobile or NoEmail;
}
