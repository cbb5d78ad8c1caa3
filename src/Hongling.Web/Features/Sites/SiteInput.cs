using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Sites;

/// <summary>The site form, shared by create, edit and the import, with the rules that need the database.</summary>
public sealed partial class SiteInput
{
    [Required(ErrorMessage = "请填写站点名称"), StringLength(Site.NameLength, ErrorMessage = "站点名称不超过100字")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请填写站点编码")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "请选择站点服务的党组织")]
    public int? OrganizationId { get; set; }

    [Required(ErrorMessage = "请选择站点类型")]
    public SiteKind? Kind { get; set; }

    [StringLength(Site.AddressLength, ErrorMessage = "地址不超过200字")]
    public string? Address { get; set; }

    [Range(1, 99, ErrorMessage = "建设批次应为1到99的整数")]
    public int? Batch { get; set; }

    public DateOnly? BuiltOn { get; set; }

    public Broadband Broadband { get; set; } = Broadband.None;

    public SiteStatus Status { get; set; } = SiteStatus.InUse;

    /// <summary>The site administrator's red-card number or name.</summary>
    [StringLength(50, ErrorMessage = "站点管理员请填写卡号或姓名")]
    public string? Administrator { get; set; }

    /// <summary>The operator's red-card number or name.</summary>
    [StringLength(50, ErrorMessage = "操作员请填写卡号或姓名")]
    public string? Operator { get; set; }

    [StringLength(Site.VolunteersLength, ErrorMessage = "志愿者不超过500字")]
    public string? Volunteers { get; set; }

    /// <summary>What the database rules resolved: the organization's path and the chosen members.</summary>
    public sealed record Resolved(string OrgPath, int? AdministratorId, int? OperatorId);

    [GeneratedRegex("^[A-Z0-9-]{1,32}$")]
    private static partial Regex CodePattern();

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>The rules that need no database, as (field, message): for the form and the import alike.</summary>
    public IEnumerable<(string Field, string Message)> Check(DateOnly today)
    {
        if (Code != "" && !CodePattern().IsMatch(NormalizeCode(Code)))
            yield return (nameof(Code), RuleErrors.SiteCodeMalformed.Message);
        if (BuiltOn is { } built && built > today)
            yield return (nameof(BuiltOn), RuleErrors.SiteBuiltInFuture.Message);
        if (Kind is { } kind && !Enum.IsDefined(kind))
            yield return (nameof(Kind), RuleErrors.SiteKindRequired.Message);
        if (!Enum.IsDefined(Broadband))
            yield return (nameof(Broadband), RuleErrors.SiteBroadbandInvalid.Message);
        if (!Enum.IsDefined(Status))
            yield return (nameof(Status), RuleErrors.SiteStatusInvalid.Message);
    }

    /// <summary>The rules that need the database, after <see cref="Check"/>: the organization is one the caller
    /// administers, the code is free in the whole platform, and the administrator and operator are members of the
    /// organization. Errors go to <paramref name="error"/> by field; null when any failed.</summary>
    public async Task<Resolved?> ResolveAsync(
        HonglingDb db,
        int? siteId,
        Action<string, string> error,
        CancellationToken ct = default
    )
    {
        var ok = true;
        var code = NormalizeCode(Code);
        if (code != "" && await db.SiteCodeTakenAsync(code, siteId, ct))
        {
            error(nameof(Code), RuleErrors.SiteCodeTaken(code).Message);
            ok = false;
        }
        var path = OrganizationId is { } orgId
            ? await db.AdministeredOrganizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct)
            : null;
        if (OrganizationId is not null && path is null)
        {
            error(nameof(OrganizationId), RuleErrors.SiteOrgNotFound.Message);
            return null;
        }
        if (path is null)
            return null;
        var admin = await SiteStaff.ResolveAsync(db, path, Administrator, "站点管理员", ct);
        if (admin.Error is not null)
        {
            error(nameof(Administrator), admin.Error);
            ok = false;
        }
        var op = await SiteStaff.ResolveAsync(db, path, Operator, "操作员", ct);
        if (op.Error is not null)
        {
            error(nameof(Operator), op.Error);
            ok = false;
        }
        return ok ? new Resolved(path, admin.MemberId, op.MemberId) : null;
    }

    public static async Task<SiteInput> FromAsync(HonglingDb db, Site s, CancellationToken ct = default) =>
        new()
        {
            Name = s.Name,
            Code = s.Code,
            OrganizationId = s.OrganizationId,
            Kind = s.Kind,
            Address = s.Address,
            Batch = s.Batch,
            BuiltOn = s.BuiltOn,
            Broadband = s.Broadband,
            Status = s.Status,
            Volunteers = s.Volunteers,
            Administrator = await SiteStaff.DescribeAsync(db, s.AdministratorId, ct),
            Operator = await SiteStaff.DescribeAsync(db, s.OperatorId, ct),
        };

    public void ApplyTo(Site s, Resolved r)
    {
        s.Name = Name.Trim();
        s.Code = NormalizeCode(Code);
        s.OrganizationId = OrganizationId!.Value;
        s.Kind = Kind!.Value;
        s.Address = Blank(Address);
        s.Batch = Batch;
        s.BuiltOn = BuiltOn;
        s.Broadband = Broadband;
        s.Status = Status;
        s.AdministratorId = r.AdministratorId;
        s.OperatorId = r.OperatorId;
        s.Volunteers = Blank(Volunteers);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The organizations a site may serve: every one the caller administers, in tree order,
    /// indented.</summary>
    public static async Task<List<SelectListItem>> OrganizationOptionsAsync(
        HonglingDb db,
        CancellationToken ct = default
    ) => (
            await db
                .AdministeredOrganizations.OrderBy(o => o.Path)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Depth,
                })
                .ToListAsync(ct)
        ).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
}
