using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Organizations;

/// <summary>The organization tree: the caller's top organizations open one level; deeper levels load on
/// expand.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    public sealed record Branch(OrgNode Node, IReadOnlyList<OrgNode> Children);

    public IReadOnlyList<Branch> Roots { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var roots = await OrgTree.Nodes(db, OrgTree.Roots(db)).ToListAsync();
        var list = new List<Branch>();
        foreach (var root in roots)
            list.Add(new Branch(root, await OrgTree.Nodes(db, OrgTree.Children(db, root.Id)).ToListAsync()));
        Roots = list;
    }

    public async Task<IActionResult> OnGetChildrenAsync(int id) =>
        Partial("_OrgNodes", await OrgTree.Nodes(db, OrgTree.Children(db, id)).ToListAsync());
}
