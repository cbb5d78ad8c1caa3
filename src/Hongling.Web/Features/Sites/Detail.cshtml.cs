using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>A site's page: its registry fields, its equipment with each piece's state history (a state change is
/// made here, with a note, and kept), and its maintenance records with their costs. Outside the caller's subtree
/// every handler answers 404.</summary>
public sealed class DetailModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed record Info(Site Site, string Organization, string? Administrator, string? Operator);

    public sealed record Change(
        int EquipmentId,
        EquipmentState? From,
        EquipmentState To,
        DateTime ChangedAt,
        string ChangedBy,
        string? Note
    );

    public Info Site { get; private set; } = null!;
    public IReadOnlyList<Equipment> Equipment { get; private set; } = [];
    public ILookup<int, Change> History { get; private set; } = Array.Empty<Change>().ToLookup(c => c.EquipmentId);
    public IReadOnlyList<SiteMaintenance> Maintenance { get; private set; } = [];
    public decimal MaintenanceTotal { get; private set; }

    /// <summary>Each form binds (and validates) only its own input, in its handler.</summary>
    public MaintenanceInput Record { get; set; } = new();
    public StateChangeInput StateChange { get; set; } = new();

    /// <summary>The piece of equipment whose state-change form failed, to show its errors there.</summary>
    public int? FailedEquipmentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMaintenanceAsync(int id, CancellationToken ct)
    {
        if (
            await db.Sites.Where(s => s.Id == id).Select(s => new { s.Id, s.OrganizationId }).FirstOrDefaultAsync(ct)
            is not { } site
        )
            return NotFound();
        await TryUpdateModelAsync(Record, nameof(Record));
        foreach (var (field, message) in Record.Check(clock.TodayInChina()))
            ModelState.AddModelError("Record." + field, message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        db.SiteMaintenance.Add(
            new SiteMaintenance
            {
                SiteId = site.Id,
                OrganizationId = site.OrganizationId,
                Date = Record.Date!.Value,
                Work = Record.Work.Trim(),
                Cost = Record.Cost!.Value,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
                RecordedBy = db.Scope.ActorName,
            }
        );
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "已添加维护记录。";
        return Redirect($"/Sites/{id}#maintenance");
    }

    public async Task<IActionResult> OnPostStateAsync(int id, int equipmentId, CancellationToken ct)
    {
        if (await db.Equipment.FirstOrDefaultAsync(e => e.Id == equipmentId && e.SiteId == id, ct) is not { } equipment)
            return NotFound();
        await TryUpdateModelAsync(StateChange, nameof(StateChange));
        if (StateChange.State is { } to && (!Enum.IsDefined(to) || to == equipment.State))
            ModelState.AddModelError(
                "StateChange.State",
                $"该设备已是“{SiteLabels.Of(equipment.State)}”状态,请选择新的状态"
            );
        if (!ModelState.IsValid)
        {
            FailedEquipmentId = equipmentId;
            await LoadAsync(id, ct);
            return Page();
        }
        // The state and its history row are one SaveChanges: both or neither.
        db.EquipmentStateChanges.Add(
            new EquipmentStateChange
            {
                EquipmentId = equipment.Id,
                OrganizationId = equipment.OrganizationId,
                From = equipment.State,
                To = StateChange.State!.Value,
                ChangedAt = clock.GetUtcNow().UtcDateTime,
                ChangedBy = db.Scope.ActorName,
                Note = StateChange.Note.Trim(),
            }
        );
        equipment.State = StateChange.State!.Value;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"已将{SiteLabels.Of(equipment.Kind)}的状态改为“{SiteLabels.Of(equipment.State)}”。";
        return Redirect($"/Sites/{id}#equipment-{equipment.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var info = await db
            .Sites.Where(s => s.Id == id)
            .Select(s => new Info(
                s,
                s.Organization.Name,
                s.Administrator == null ? null : s.Administrator.Name,
                s.Operator == null ? null : s.Operator.Name
            ))
            .FirstOrDefaultAsync(ct);
        if (info is null)
            return false;
        Site = info;
        Equipment = await db
            .Equipment.Where(e => e.SiteId == id)
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Id)
            .ToListAsync(ct);
        History = (
            await db
                .EquipmentStateChanges.Where(h => h.Equipment.SiteId == id)
                .OrderByDescending(h => h.ChangedAt)
                .ThenByDescending(h => h.Id)
                .Select(h => new Change(h.EquipmentId, h.From, h.To, h.ChangedAt, h.ChangedBy, h.Note))
                .ToListAsync(ct)
        ).ToLookup(c => c.EquipmentId);
        Maintenance = await db
            .SiteMaintenance.Where(m => m.SiteId == id)
            .OrderByDescending(m => m.Date)
            .ThenByDescending(m => m.Id)
            .Take(200)
            .ToListAsync(ct);
        MaintenanceTotal = await db.SiteMaintenance.Where(m => m.SiteId == id).SumAsync(m => m.Cost, ct);
        return true;
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
