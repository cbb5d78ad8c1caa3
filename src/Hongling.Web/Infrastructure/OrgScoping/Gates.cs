using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Infrastructure.OrgScoping;

/// <summary>The checks of the hot paths that skip the per-request scope load (<c>WithoutOrgScope</c>): each decides,
/// for a whole batch of requests at once, what the scope would have decided for each caller, from the account id
/// the request was authenticated with and nothing the request says about itself.</summary>
public static class Gates
{
    /// <summary>An exam candidate: a member (with their branch and status) or an approved registrant (报名人员).</summary>
    public sealed record Candidate(
        int? MemberId,
        int? RegistrantId,
        int OrganizationId,
        string OrgPath,
        MemberStatus? Status
    );

    /// <summary>The candidacy gate (starting an exam): each account's candidate record, in one query by the account
    /// ids alone: the member record the account is linked to (branch and status), else the account's registrant
    /// record. Accounts that are neither are missing, and may take no exam.</summary>
    public static async Task<Dictionary<string, Candidate>> CandidatesAsync(
        HonglingDb db,
        IReadOnlyCollection<string> accountIds,
        CancellationToken ct = default
    )
    {
        var rows = await (
            from a in db.Users.AsNoTracking()
            where accountIds.Contains(a.Id)
            from m in db.MembersOfThePlatform.Where(m => m.Id == a.MemberId).DefaultIfEmpty()
            from r in db.RegistrantsOfThePlatform.Where(r => r.AccountId == a.Id).DefaultIfEmpty()
            select new
            {
                a.Id,
                MemberId = (int?)m!.Id,
                MemberOrg = (int?)m.OrganizationId,
                MemberPath = m.OrgPath,
                Status = (MemberStatus?)m.Status,
                RegistrantId = (int?)r!.Id,
                RegistrantOrg = (int?)r.OrganizationId,
                RegistrantPath = r.OrgPath,
            }
        ).ToListAsync(ct);
        var found = new Dictionary<string, Candidate>();
        foreach (var row in rows)
        {
            if (row.MemberId is { } member)
                found[row.Id] = new Candidate(member, null, row.MemberOrg!.Value, row.MemberPath, row.Status);
            else if (row.RegistrantId is { } registrant)
                found[row.Id] = new Candidate(null, registrant, row.RegistrantOrg!.Value, row.RegistrantPath, null);
        }
        return found;
    }

    /// <summary>Whether the candidate may take the exam: a registrant when approved for it; a member when the exam's
    /// audience reaches their branch (<see cref="Audience.Reaches(IPublishedToMembers, string)"/>, the scope's own
    /// rule) and their status is one the exam admits.</summary>
    public static bool MayTake(Candidate candidate, Exam exam, bool approved) =>
        candidate.RegistrantId is not null
            ? approved
            : Audience.Reaches(exam, candidate.OrgPath) && StatusAllowed(exam, candidate);

    /// <summary>An exam admits every status unless it names some.</summary>
    public static bool StatusAllowed(Exam exam, Candidate candidate) =>
        candidate.Status is not { } status
        || exam.AudienceStatuses.Count == 0
        || exam.AudienceStatuses.Contains(status);

    /// <summary>The heartbeat gate: each beating account's member as the account is linked now (accounts without a
    /// member record are missing and count nothing). A beat then counts only on a study session of that
    /// member.</summary>
    public static Task<Dictionary<string, int>> MembersOfAccountsAsync(
        HonglingDb db,
        IReadOnlyCollection<string> accountIds,
        CancellationToken ct = default
    ) =>
        db
            .Users.Where(a => accountIds.Contains(a.Id) && a.MemberId != null)
            .Select(a => new { a.Id, a.MemberId })
            .ToDictionaryAsync(a => a.Id, a => a.MemberId!.Value, ct);
}
