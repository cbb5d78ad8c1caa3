using Hongling.Web.Data;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Finds a site's administrator or operator (站点管理员/操作员) among the members of the site's
/// organization and its subtree (a town's site is run by members of its branches), by red-card number or by
/// name, through the caller's scope: someone outside it, or outside the organization, is "not found".</summary>
public static class SiteStaff
{
    public sealed record Found(int? MemberId, string? Error);

    /// <summary>Empty text means nobody. Digits are a card number; anything else an exact name, which must be unique
    /// in the organization (else the card number is asked for).</summary>
    public static async Task<Found> ResolveAsync(
        HonglingDb db,
        string orgPath,
        string? text,
        string role,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(text))
            return new(null, null);
        var q = text.Trim();
        var members = db.AdministeredMembers.InSubtree(orgPath);
        if (q.All(char.IsAsciiDigit))
        {
            var byCard = await members.Where(m => m.CardNumber == q).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            return byCard is null ? new(null, RuleErrors.SiteStaffCardNotFound(role, q).Message) : new(byCard, null);
        }
        var byName = await members.Where(m => m.Name == q).Select(m => m.Id).Take(2).ToListAsync(ct);
        return byName.Count switch
        {
            0 => new(null, RuleErrors.SiteStaffNameNotFound(role, q).Message),
            1 => new(byName[0], null),
            _ => new(null, RuleErrors.SiteStaffNameAmbiguous(role, q).Message),
        };
    }

    /// <summary>How a chosen member is shown back in the form: their card number when they have one, else their
    /// name.</summary>
    public static async Task<string?> DescribeAsync(HonglingDb db, int? memberId, CancellationToken ct = default) =>
        memberId is not { } id
            ? null
            : await db
                .AdministeredMembers.Where(m => m.Id == id)
                .Select(m => m.CardNumber ?? m.Name)
                .FirstOrDefaultAsync(ct);
}
