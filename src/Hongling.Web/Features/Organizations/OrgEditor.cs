using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

/// <summary>Creates, renames, moves and dissolves organizations inside the caller's scope. A moved
/// subtree keeps every member and record: their path copies are rewritten in the same transaction. Refusals are
/// <see cref="RuleException"/>s on the form field they concern.</summary>
public sealed class OrgEditor(HonglingDb db, TimeProvider clock)
{
    public static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100
            ? throw new RuleException(RuleErrors.OrgNameRequired, "Name")
            : name.Trim();

    /// <summary>The form field of the new parent's code (the move form).</summary>
    public const string ParentField = "ParentCode";

    /// <summary>Which kinds may sit under which: branches hold only party groups; groups hold nothing.</summary>
    public static bool MayContain(OrgKind parent, OrgKind child) =>
        parent switch
        {
            OrgKind.Group => false,
            OrgKind.Branch => child == OrgKind.Group,
            OrgKind.GeneralBranch => child is OrgKind.Branch,
            _ => child != OrgKind.Group,
        };

    public async Task<Organization> CreateAsync(
        Organization parent,
        string name,
        OrgKind kind,
        OrgCategory category,
        string? code
    )
    {
        if (!MayContain(parent.Kind, kind))
            throw new RuleException(RuleErrors.OrgKindNotAllowed(parent.Kind, kind), "Kind");
        code = string.IsNullOrWhiteSpace(code) ? await NewCodeAsync() : code.Trim().ToUpperInvariant();
        if (!Organization.IsValidCode(code))
            throw new RuleException(RuleErrors.OrgCodeInvalid, "Code");
        if (await db.OrganizationsOfThePlatform.AnyAsync(o => o.Code == code))
            throw new RuleException(RuleErrors.OrgCodeTaken, "Code");
        var org = new Organization
        {
            Code = code,
            Name = name.Trim(),
            Kind = kind,
            Category = category,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        org.PlaceUnder(parent);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        return org;
    }

    public async Task MoveAsync(Organization org, string newParentCode)
    {
        var parent = await db.AdministeredOrganizations.FirstOrDefaultAsync(o =>
            o.Code == newParentCode.Trim().ToUpperInvariant()
        ) ?? throw new RuleException(RuleErrors.OrgParentUnknown, ParentField);
        if (parent.Path.StartsWith(org.Path, StringComparison.Ordinal))
            throw new RuleException(RuleErrors.OrgMoveIntoOwnSubtree, ParentField);
        if (parent.Id == org.ParentId)
            throw new RuleException(RuleErrors.OrgAlreadyUnderParent, ParentField);
        if (!MayContain(parent.Kind, org.Kind))
            throw new RuleException(RuleErrors.OrgKindNotAllowed(parent.Kind, org.Kind), ParentField);
        var (oldPath, oldDepth) = (org.Path, org.Depth);
        await using var tx = await db.Database.BeginTransactionAsync();
        org.PlaceUnder(parent);
        await db.SaveChangesAsync(); // the moved organization itself: scope-checked at both places, audited
        await db.RewriteSubtreePathsAsync(oldPath, org.Path, org.Depth - oldDepth, CancellationToken.None);
        await tx.CommitAsync();
    }

    public async Task DissolveAsync(Organization org)
    {
        var members = db.MembersOfThePlatform.Where(m => m.OrganizationId == org.Id);
        if (await db.OrganizationsOfThePlatform.AnyAsync(o => o.ParentId == org.Id))
            throw new RuleException(RuleErrors.OrgHasChildren);
        if (await members.AnyAsync(m => m.LeftOn == null))
            throw new RuleException(RuleErrors.OrgHasMembers);
        // Members who left the platform stay filed under their last branch, for the history.
        if (await members.AnyAsync())
            throw new RuleException(RuleErrors.OrgKeepsDepartedMembers);
        if (org.ParentId is null)
            throw new RuleException(RuleErrors.OrgIsRoot);
        db.OrgAdministrators.RemoveRange(
            await db.OrgAdministrators.Where(a => a.OrganizationId == org.Id).ToListAsync()
        );
        db.Organizations.Remove(org);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            throw new RuleException(RuleErrors.OrgHasRecords);
        }
    }

    private async Task<string> NewCodeAsync()
    {
        while (true)
        {
            var code = "N" + Random.Shared.Next(1_000_000, 9_999_999);
            if (!await db.OrganizationsOfThePlatform.AnyAsync(o => o.Code == code))
                return code;
        }
    }
}
