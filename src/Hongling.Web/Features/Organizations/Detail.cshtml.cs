using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

/// <summary>One organization: its profile, where it sits, its size, and its administrators (管理员) and
/// backup administrators (后备管理员), who can be appointed by red-card number and removed.</summary>
public sealed class DetailModel(HonglingDb db, OrgEditor editor, TimeProvider clock) : PageModel
{
    public OrgNode Node { get; private set; } = null!;
    public Organization Org { get; private set; } = null!;
    public string? ParentName { get; private set; }

    public sealed record Admin(int Id, string Card, string Name, bool IsBackup);

    public string? SecretaryName { get; private set; }
    public IReadOnlyList<Admin> Admins { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    /// <summary>Posted only by the appoint form (a handler parameter, so the other forms never validate it).</summary>
    [Display(Name = "红色身份证卡号")]
    public string? CardNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostCreateChildAsync(
        int id,
        string? name,
        OrgKind kind,
        OrgCategory category,
        string? code
    ) => EditAsync(id, async org =>
        {
            var child = await editor.CreateAsync(org, OrgEditor.RequireName(name), kind, category, code);
            return $"已设立 {child.Name}(编码 {child.Code})。";
        });

    public Task<IActionResult> OnPostRenameAsync(int id, string? name, OrgCategory category) =>
        EditAsync(id, async org =>
        {
            org.Name = OrgEditor.RequireName(name);
            org.Category = category;
            await db.SaveChangesAsync();
            return "已保存。";
        });

    public Task<IActionResult> OnPostMoveAsync(int id, string? parentCode) => EditAsync(id, async org =>
        {
            if (string.IsNullOrWhiteSpace(parentCode))
                throw new RuleException(RuleErrors.OrgParentRequired, OrgEditor.ParentField);
            await editor.MoveAsync(org, parentCode);
            return "已移动,下级组织和党员随之移动。";
        });

    public async Task<IActionResult> OnPostDissolveAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var parentId = Org.ParentId;
        try
        {
            await editor.DissolveAsync(Org);
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
            return Page();
        }
        Status = $"已撤销 {Org.Name}。";
        return parentId is { } p && await db.AdministeredOrganizations.AnyAsync(o => o.Id == p)
            ? RedirectToPage(new { id = p })
            : RedirectToPage("/Organizations/Index");
    }

    private async Task<IActionResult> EditAsync(int id, Func<Organization, Task<string>> edit)
    {
        if (!await LoadAsync(id))
            return NotFound();
        try
        {
            Status = await edit(Org);
        }
        catch (RuleException e)
        {
            ModelState.AddRuleError(e);
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddAdminAsync(int id, string? cardNumber, bool backup)
    {
        if (!await LoadAsync(id))
            return NotFound();
        CardNumber = cardNumber;
        var card = cardNumber?.Trim() ?? "";
        if (card.Length == 0)
            ModelState.AddModelError(nameof(CardNumber), "请输入卡号");
        else if (card.Length > 20)
            ModelState.AddModelError(nameof(CardNumber), "卡号过长");
        if (!ModelState.IsValid)
            return Page();
        var accountId = await db.Users.Where(a => a.UserName == card).Select(a => a.Id).FirstOrDefaultAsync();
        if (accountId is null)
            ModelState.AddModelError(nameof(CardNumber), "没有这张红色身份证,请核对卡号");
        else if (await db.OrgAdministrators.AnyAsync(x => x.OrganizationId == id && x.AccountId == accountId))
            ModelState.AddModelError(nameof(CardNumber), "该卡号已是本组织的管理员");
        if (!ModelState.IsValid)
            return Page();
        db.OrgAdministrators.Add(
            new OrgAdministrator
            {
                AccountId = accountId!,
                OrganizationId = id,
                IsBackup = backup,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        Status = $"已将卡号 {card} 设为{(backup ? "后备管理员" : "管理员")}。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAdminAsync(int id, int adminId)
    {
        var admin = await db.OrgAdministrators.FirstOrDefaultAsync(x => x.Id == adminId && x.OrganizationId == id);
        if (admin is null)
            return NotFound();
        db.OrgAdministrators.Remove(admin);
        await db.SaveChangesAsync();
        Status = "已取消该管理员。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var node = await OrgTree.Nodes(db, db.AdministeredOrganizations.Where(o => o.Id == id)).FirstOrDefaultAsync();
        if (node is null)
            return false;
        Node = node;
        Org = await db.AdministeredOrganizations.SingleAsync(o => o.Id == id);
        ParentName = await db.Organizations.Where(o => o.Id == id).Select(o => o.Parent!.Name).FirstOrDefaultAsync();
        Admins = await db
            .OrgAdministrators.Where(x => x.OrganizationId == id)
            .OrderBy(x => x.IsBackup)
            .ThenBy(x => x.Id)
            .Select(x => new Admin(x.Id, x.Account!.UserName!, x.Account.DisplayName, x.IsBackup))
            .ToListAsync();
        SecretaryName = Org.SecretaryId is { } s
            ? await db.Members.Where(m => m.Id == s).Select(m => m.Name).FirstOrDefaultAsync()
            : null;
        return true;
    }
}
