using System.Text.Json;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Audit;

/// <summary>The audit log of the caller's subtree, newest first; optionally one record's history.</summary>
public sealed class IndexModel(HonglingDb db) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }

    public sealed record Row(
        DateTime At,
        string Actor,
        string Action,
        string Entity,
        string EntityName,
        IReadOnlyList<HonglingDb.Change> Changes
    );

    public async Task<IActionResult> OnGetAsync()
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrEmpty(Type))
            query = query.Where(a => a.EntityType == Type);
        if (!string.IsNullOrEmpty(Id))
            query = query.Where(a => a.EntityId == Id);
        PageNumber = Math.Max(1, PageNumber);
        var entries = await query
            .OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync();
        if (
            entries.Count == 0
            && !string.IsNullOrEmpty(Type)
            && !string.IsNullOrEmpty(Id)
            && !await RecordVisibleAsync()
        )
            return NotFound();
        HasMore = entries.Count > PageSize;
        Rows = entries
            .Take(PageSize)
            .Select(a => new Row(
                a.At.ToChina(),
                a.ActorName,
                AuditLabels.Of(a.Action),
                AuditLabels.Entity(a.EntityType),
                a.EntityName,
                JsonSerializer.Deserialize<List<HonglingDb.Change>>(a.Changes) ?? []
            ))
            .ToList();
        return Page();
    }

    /// <summary>Whether the record asked for exists in the caller's scope (Find applies the query filters), so
    /// that a record outside it answers 404 like every other object page, while one of the caller's records
    /// without history shows an empty log.</summary>
    private async Task<bool> RecordVisibleAsync()
    {
        var type = db
            .Model.GetEntityTypes()
            .FirstOrDefault(e => e.ClrType.Name == Type && typeof(IAudited).IsAssignableFrom(e.ClrType));
        if (type?.FindPrimaryKey()?.Properties is not [var key])
            return false;
        object? id =
            key.ClrType == typeof(int) ? (int.TryParse(Id, out var n) ? n : null)
            : key.ClrType == typeof(Guid) ? (Guid.TryParse(Id, out var g) ? g : null)
            : key.ClrType == typeof(string) ? Id
            : null;
        return id is not null && await db.FindAsync(type.ClrType, id) is not null;
    }
}
