using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Messages;

/// <summary>An administrator reads a message to their subtree, replies (again, to amend) or closes it.</summary>
public sealed class DetailModel(HonglingDb db, TimeProvider clock, SiteCache site) : PageModel
{
    public Message Message { get; private set; } = null!;

    [
        BindProperty,
        Required(ErrorMessage = "请填写回复内容"),
        StringLength(2000, ErrorMessage = "回复不超过2000字"),
        Display(Name = "回复")
    ]
    public string? Reply { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Reply = Message.Reply;
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Reply))
            ModelState.AddModelError(nameof(Reply), "请填写回复内容");
        if (!ModelState.IsValid)
            return Page();
        Message.ReplyWith(Reply!.Trim(), db.Scope.ActorName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        if (Message.IsPublic)
            await site.EvictAsync();
        Status = "已回复。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.Clear();
        Message.State = MessageState.Closed;
        await db.SaveChangesAsync();
        if (Message.IsPublic)
            await site.EvictAsync();
        Status = "留言已关闭。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Message = (await db.Messages.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id))!;
        return Message is not null;
    }
}
