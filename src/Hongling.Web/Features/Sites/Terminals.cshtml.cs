using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>A site's terminals for its administrators: register one (its device key is shown once, on the answer to
/// that post, and never stored: only its hash), issue a new key (the old one stops at once) and revoke. Each is a
/// tracked save, so the audit log records it; the terminals' own traffic is not audited.</summary>
public sealed class TerminalsModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Id,
        string Name,
        string KeyHint,
        DateTime KeyIssuedAt,
        DateTime? RevokedAt,
        DateTime? LastPingAt,
        DateTime? LastReportAt,
        long ChainSeq
    );

    public sealed class TerminalInput
    {
        [
            Required(ErrorMessage = "请填写终端名称"),
            StringLength(Terminal.NameLength, ErrorMessage = "终端名称不超过100字"),
            Display(Name = "终端名称")
        ]
        public string? Name { get; set; }
    }

    [BindProperty]
    public TerminalInput Input { get; set; } = new();
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The key just issued, shown on this answer only.</summary>
    public (string Terminal, string Key)? Issued { get; private set; }
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Input.Name))
        {
            if (ModelState.IsValid)
                ModelState.AddModelError("Input.Name", "请填写终端名称");
            return Page();
        }
        var key = TerminalKeys.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var terminal = db
            .Terminals.Add(
                new Terminal
                {
                    SiteId = Site.Id,
                    OrganizationId = Site.OrganizationId,
                    Name = Input.Name.Trim(),
                    KeyHash = key.Hash,
                    KeyHint = key.Hint,
                    KeyIssuedAt = now,
                    CreatedAt = now,
                }
            )
            .Entity;
        await db.SaveChangesAsync();
        return await ShowKeyAsync(terminal.Name, key.Key, $"已登记终端“{terminal.Name}”。");
    }

    public async Task<IActionResult> OnPostRotateAsync(int id, int terminalId)
    {
        if (!await LoadAsync(id) || await FindAsync(terminalId) is not { } terminal)
            return NotFound();
        var key = TerminalKeys.New();
        terminal.KeyHash = key.Hash;
        terminal.KeyHint = key.Hint;
        terminal.KeyIssuedAt = clock.GetUtcNow().UtcDateTime;
        terminal.RevokedAt = null;
        await db.SaveChangesAsync();
        return await ShowKeyAsync(terminal.Name, key.Key, $"已为“{terminal.Name}”更换密钥,原密钥已失效。");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int terminalId)
    {
        if (!await LoadAsync(id) || await FindAsync(terminalId) is not { } terminal)
            return NotFound();
        terminal.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await LoadAsync(id);
        Status = $"已停用终端“{terminal.Name}”,其密钥不再有效。";
        return Page();
    }

    private Task<Terminal?> FindAsync(int terminalId) =>
        db.Terminals.FirstOrDefaultAsync(t => t.Id == terminalId && t.SiteId == Site.Id);

    private async Task<IActionResult> ShowKeyAsync(string name, string key, string status)
    {
        await LoadAsync(Site.Id);
        Issued = (name, key);
        Status = status;
        ModelState.Clear();
        Input = new();
        // The key is on this page only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The site, if the caller administers it (the scope's filter), and its terminals.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } site)
            return false;
        Site = site;
        Rows = await db
            .Terminals.AsNoTracking()
            .Where(t => t.SiteId == id)
            .OrderBy(t => t.RevokedAt != null)
            .ThenBy(t => t.Id)
            .Select(t => new Row(
                t.Id,
                t.Name,
                t.KeyHint,
                t.KeyIssuedAt,
                t.RevokedAt,
                t.LastPingAt,
                t.LastReportAt,
                t.ChainSeq
            ))
            .ToListAsync();
        return true;
    }
}
