using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Bulletins;

/// <summary>The section 三 figures no existing report counted: transfers handled, administrators as people and
/// their sign-ins, members' sign-ins. Each is one grouped or projected query over the issuer's subtree.
/// Sign-in records are not organization-owned rows (the sign-in page writes them before any scope exists); they
/// are read here only under the issuer's path, which the caller administers, or for accounts and members that
/// the caller's scoped queries return.</summary>
internal static class PlatformQueries
{
    public sealed record TransferSides(string OrgPath, string SharedPath);

    /// <summary>Transfers accepted (办理完成) in [from, to) that touch the subtree on either side.</summary>
    public static Task<List<TransferSides>> TransfersAsync(
        HonglingDb db,
        string path,
        DateTime from,
        DateTime to,
        CancellationToken ct
    )
    {
        var end = OrgPaths.End(path);
        return db
            .Transfers.Where(t => t.State == TransferState.Accepted && t.DecidedAt >= from && t.DecidedAt < to)
            .Where(t =>
                (string.Compare(t.OrgPath, path) >= 0 && string.Compare(t.OrgPath, end) < 0)
                || (string.Compare(t.SharedPath, path) >= 0 && string.Compare(t.SharedPath, end) < 0)
            )
            .Select(t => new TransferSides(t.OrgPath, t.SharedPath))
            .ToListAsync(ct);
    }

    public sealed record AdministratorPost(string AccountId, string OrgPath, bool IsBackup, bool SignedIn);

    /// <summary>Every administrator post of the subtree, with whether its account signed in successfully in [from,
    /// to).</summary>
    public static Task<List<AdministratorPost>> AdministratorsAsync(
        HonglingDb db,
        string path,
        DateTime from,
        DateTime to,
        CancellationToken ct
    ) =>
        db.AdministeredRows<OrgAdministrator>()
            .InSubtree(path)
            .Select(a => new AdministratorPost(
                a.AccountId,
                a.OrgPath,
                a.IsBackup,
                db.SignInRecords.Any(r => r.AccountId == a.AccountId && r.Succeeded && r.At >= from && r.At < to)
            ))
            .ToListAsync(ct);

    /// <summary>Successful members' sign-ins (人次) in [from, to), per the branch path each member was in at the
    /// time.</summary>
    public static Task<Dictionary<string, int>> MemberSignInsAsync(
        HonglingDb db,
        string path,
        DateTime from,
        DateTime to,
        CancellationToken ct
    )
    {
        var end = OrgPaths.End(path);
        return db
            .SignInRecords.Where(r =>
                r.Succeeded
                && r.At >= from
                && r.At < to
                && r.OrgPath != null
                && string.Compare(r.OrgPath, path) >= 0
                && string.Compare(r.OrgPath, end) < 0
            )
            .GroupBy(r => r.OrgPath!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);
    }

    /// <summary>Present members of the subtree who signed in successfully in [from, to) (wherever they were then),
    /// per the organization they belong to now. The month's signed-in members are one list the database keeps while it
    /// walks the subtree's members (IN, not a lookup per member).</summary>
    public static Task<Dictionary<int, int>> MembersSignedInAsync(
        HonglingDb db,
        string path,
        DateTime from,
        DateTime to,
        CancellationToken ct
    )
    {
        var signedIn = db
            .SignInRecords.Where(r => r.At >= from && r.At < to && r.Succeeded && r.MemberId != null)
            .Select(r => r.MemberId!.Value);
        return db
            .AdministeredMembers.InSubtree(path)
            .Where(m => signedIn.Contains(m.Id))
            .GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
