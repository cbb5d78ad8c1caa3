using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

/// <summary>Creates, renames, moves and dissolves organizations inside the caller's scope. A moved
/// subtree keeps every member and record: their path copies are rewritten in the same transaction.</summary>
public sealed class OrgEditor(HonglingDb db, TimeProvider clock)
{
    public sealed class RuleException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    public static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? throw new RuleException("Name", "请填写组织名称(不超过100字)") : name.Trim();

    /// <summary>Which kinds may sit under which: branches hold only party groups; groups hold nothing.</summary>
    public static bool MayContain(OrgKind parent, OrgKind child) => parent switch
    {
        OrgKind.Group => false,
        OrgKind.Branch => child == OrgKind.Group,
        OrgKind.GeneralBranch => child is OrgKind.Branch,
        _ => child != OrgKind.Group,
    };

    public async Task<Organization> CreateAsync(Organization parent, string name, OrgKind kind, OrgCategory category, string? code)
    {
        if (!MayContain(parent.Kind, kind)) throw new RuleException("Kind", $"{Labels.Of(parent.Kind)}下不能设立{Labels.Of(kind)}");
        code = string.IsNullOrWhiteSpace(code) ? await NewCodeAsync() : code.Trim().ToUpperInvariant();
        if (!Organization.IsValidCode(code)) throw new RuleException("Code", "组织编码只能由大写字母和数字组成,不超过24位");
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code)) throw new RuleException("Code", "该组织编码已被使用");
        var org = new Organization { Code = code, Name = name.Trim(), Kind = kind, Category = category, CreatedAt = clock.GetUtcNow().UtcDateTime };
        org.PlaceUnder(parent);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        return org;
    }

    public async Task MoveAsync(Organization org, string newParentCode)
    {
        var parent = await db.AdministeredOrganizations.FirstOrDefaultAsync(o => o.Code == newParentCode.Trim().ToUpperInvariant())
            ?? throw new RuleException("ParentCode", "没有这个组织编码,或不在您的管理范围内");
        if (parent.Path.StartsWith(org.Path, StringComparison.Ordinal)) throw new RuleException("ParentCode", "不能移到本组织或其下级组织之下");
        if (parent.Id == org.ParentId) throw new RuleException("ParentCode", "已在该组织之下");
        if (!MayContain(parent.Kind, org.Kind)) throw new RuleException("ParentCode", $"{Labels.Of(parent.Kind)}下不能设立{Labels.Of(org.Kind)}");
        var (oldPath, oldDepth) = (org.Path, org.Depth);
        await using var tx = await db.Database.BeginTransactionAsync();
        org.PlaceUnder(parent);
        await db.SaveChangesAsync();   // the moved organization itself: scope-checked at both places, audited
        await db.RewriteSubtreePathsAsync(oldPath, org.Path, org.Depth - oldDepth, CancellationToken.None);
        await tx.CommitAsync();
    }

    public async Task DissolveAsync(Organization org)
    {
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.ParentId == org.Id)) throw new RuleException("", "该组织还有下级组织,不能撤销");
        if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.OrganizationId == org.Id && m.LeftOn == null)) throw new RuleException("", "该组织还有党员,请先转出党员再撤销");
        // Members who left the platform stay filed under their last branch, for the history.
        if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.OrganizationId == org.Id)) throw new RuleException("", "该组织保留着已转出本平台党员的记录,不能撤销");
        if (org.ParentId is null) throw new RuleException("", "不能撤销最上级组织");
        db.OrgAdministrators.RemoveRange(await db.OrgAdministrators.Where(a => a.OrganizationId == org.Id).ToListAsync());
        db.Organizations.Remove(org);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { throw new RuleException("", "该组织还有相关记录(如党费、转接),不能撤销"); }
    }

    private async Task<string> NewCodeAsync()
    {
        while (true)
        {
            var code = "N" + Random.Shared.Next(1_000_000, 9_999_999);
            if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code)) return code;
        }
    }
}
