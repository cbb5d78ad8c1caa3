using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>Adds a piece of equipment to a site (its first state is recorded in the history) or edits one's kind,
/// model, serial number and purchase date; its state changes on the site's page, with a note.</summary>
public sealed class EquipmentModel(HonglingDb db, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "请选择设备类型")]
        public EquipmentKind? Kind { get; set; }

        [StringLength(Domain.Equipment.ModelLength, ErrorMessage = "型号不超过100字")]
        public string? Model { get; set; }

        [StringLength(Domain.Equipment.SerialLength, ErrorMessage = "序列号不超过100字")]
        public string? Serial { get; set; }
        public DateOnly? PurchasedOn { get; set; }

        /// <summary>The state a new piece is registered with; an existing one's state changes on the site's
        /// page.</summary>
        public EquipmentState State { get; set; } = EquipmentState.Normal;
    }

    [BindProperty]
    public Form Input { get; set; } = new();
    public (int Id, string Name) Site { get; private set; }
    public int? EquipmentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? equipmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (equipmentId is { } eid)
        {
            if (await db.Equipment.FirstOrDefaultAsync(e => e.Id == eid && e.SiteId == id, ct) is not { } e)
                return NotFound();
            EquipmentId = eid;
            Input = new Form
            {
                Kind = e.Kind,
                Model = e.Model,
                Serial = e.Serial,
                PurchasedOn = e.PurchasedOn,
                State = e.State,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? equipmentId, CancellationToken ct)
    {
        if (
            await db
                .Sites.Where(s => s.Id == id)
                .Select(s => new
                {
                    s.Id,
                    s.Name,
                    s.OrganizationId,
                })
                .FirstOrDefaultAsync(ct)
            is not { } site
        )
            return NotFound();
        Site = (site.Id, site.Name);
        Equipment? equipment = null;
        if (
            equipmentId is { } eid
            && (equipment = await db.Equipment.FirstOrDefaultAsync(e => e.Id == eid && e.SiteId == id, ct)) is null
        )
            return NotFound();
        EquipmentId = equipmentId;
        if (equipment is not null)
            Input.State = equipment.State;
        if (Input.Kind is { } k && !Enum.IsDefined(k))
            ModelState.AddModelError("Input.Kind", "请选择设备类型");
        if (!Enum.IsDefined(Input.State))
            ModelState.AddModelError("Input.State", "请选择设备状态");
        if (Input.PurchasedOn is { } bought && bought > clock.TodayInChina())
            ModelState.AddModelError("Input.PurchasedOn", "购置日期不能晚于今天");
        if (!ModelState.IsValid)
            return Page();
        if (equipment is null)
        {
            equipment = new Equipment
            {
                SiteId = site.Id,
                OrganizationId = site.OrganizationId,
                State = Input.State,
            };
            equipment.History.Add(
                new EquipmentStateChange
                {
                    OrganizationId = site.OrganizationId,
                    To = Input.State,
                    ChangedAt = clock.GetUtcNow().UtcDateTime,
                    ChangedBy = db.Scope.ActorName,
                    Note = "登记设备",
                }
            );
            db.Equipment.Add(equipment);
        }
        equipment.Kind = Input.Kind!.Value;
        equipment.Model = string.IsNullOrWhiteSpace(Input.Model) ? null : Input.Model.Trim();
        equipment.Serial = string.IsNullOrWhiteSpace(Input.Serial) ? null : Input.Serial.Trim();
        equipment.PurchasedOn = Input.PurchasedOn;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = equipmentId is null ? $"已添加{SiteLabels.Of(equipment.Kind)}。" : "已保存设备信息。";
        return Redirect($"/Sites/{id}#equipment-{equipment.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var site = await db.Sites.Where(s => s.Id == id).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (site is null)
            return false;
        Site = (site.Id, site.Name);
        return true;
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
