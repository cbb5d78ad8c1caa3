using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Members;

/// <summary>The member form, shared by create and edit, with the rules that need the database.</summary>
public sealed class MemberInput
{
    [Required(ErrorMessage = "请填写姓名"), StringLength(50, ErrorMessage = "姓名不超过50个字"), Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请选择性别"), Display(Name = "性别")]
    public Gender? Gender { get; set; }

    [Required(ErrorMessage = "请填写民族"), StringLength(20, ErrorMessage = "民族不超过20个字"), Display(Name = "民族")]
    public string Ethnicity { get; set; } = "汉族";

    [Required(ErrorMessage = "请填写出生日期"), Display(Name = "出生日期")]
    public DateOnly? BirthDate { get; set; }

    /// <summary>Required when creating; when editing, empty keeps the stored number.</summary>
    [StringLength(30, ErrorMessage = "身份证号码应为18位"), Display(Name = "身份证号码")]
    public string? IdNumber { get; set; }

    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [Required(ErrorMessage = "请选择学历"), Display(Name = "学历")]
    public Education? Education { get; set; }

    [Required(ErrorMessage = "请填写入党日期"), Display(Name = "入党日期")]
    public DateOnly? JoinedOn { get; set; }

    [Required(ErrorMessage = "请选择党员类别"), Display(Name = "党员类别")]
    public MemberStatus? Status { get; set; }

    [Required(ErrorMessage = "请选择所在党支部"), Display(Name = "所在党支部")]
    public int? OrganizationId { get; set; }

    [Display(Name = "流动党员")]
    public bool IsFloating { get; set; }

    [Display(Name = "流动方向")]
    public FloatingDirection? FloatingDirection { get; set; }

    [StringLength(100, ErrorMessage = "流向(来源)不超过100字"), Display(Name = "流向/来源地")]
    public string? FloatingPlace { get; set; }

    [StringLength(50, ErrorMessage = "联系方式不超过50字"), Display(Name = "流动期间联系方式")]
    public string? FloatingContact { get; set; }

    [Display(Name = "流动开始日期")]
    public DateOnly? FloatingSince { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "党费基数应在0到10000000元之间"), Display(Name = "党费基数(元/月)")]
    public decimal? DuesBase { get; set; }

    /// <summary>Empty with a base given: computed from the base by the dues rule.</summary>
    [Range(0, 1_000_000, ErrorMessage = "党费标准应在0到1000000元之间"), Display(Name = "党费标准(元/月)")]
    public decimal? DuesAmount { get; set; }

    [StringLength(50, ErrorMessage = "籍贯不超过50字"), Display(Name = "籍贯")]
    public string? NativePlace { get; set; }

    [Display(Name = "学位")]
    public Degree? Degree { get; set; }

    [StringLength(50, ErrorMessage = "工作岗位不超过50字"), Display(Name = "工作岗位")]
    public string? Occupation { get; set; }

    [StringLength(100, ErrorMessage = "工作单位不超过100字"), Display(Name = "工作单位")]
    public string? WorkUnit { get; set; }

    [StringLength(50, ErrorMessage = "职务不超过50字"), Display(Name = "职务")]
    public string? Position { get; set; }

    [StringLength(200, ErrorMessage = "家庭住址不超过200字"), Display(Name = "家庭住址")]
    public string? HomeAddress { get; set; }

    [Display(Name = "转正日期")]
    public DateOnly? FullMemberOn { get; set; }

    public static MemberInput From(Member m) =>
        new()
        {
            Name = m.Name,
            Gender = m.Gender,
            Ethnicity = m.Ethnicity,
            BirthDate = m.BirthDate,
            Mobile = m.Mobile,
            Education = m.Education,
            JoinedOn = m.JoinedOn,
            Status = m.Status,
            OrganizationId = m.OrganizationId,
            IsFloating = m.IsFloating,
            DuesBase = m.DuesBase,
            DuesAmount = m.DuesAmount,
            FloatingDirection = m.FloatingDirection,
            FloatingPlace = m.FloatingPlace,
            FloatingContact = m.FloatingContact,
            FloatingSince = m.FloatingSince,
            NativePlace = m.NativePlace,
            Degree = m.Degree,
            Occupation = m.Occupation,
            WorkUnit = m.WorkUnit,
            Position = m.Position,
            HomeAddress = m.HomeAddress,
            FullMemberOn = m.FullMemberOn,
        };

    /// <summary>The rules that need no database, shared by the form and the Excel import. Field names are
    /// MemberInput property names. <paramref name="storedIdBirthDate"/> is the birth date inside the stored
    /// ID number when editing with the ID field left empty.</summary>
    public IEnumerable<(string Field, string Message)> Check(DateOnly today, DateOnly? storedIdBirthDate = null)
    {
        if (storedIdBirthDate is null || !string.IsNullOrWhiteSpace(IdNumber))
        {
            if (Domain.IdNumber.Validate(IdNumber, today) is { } idError)
                yield return (nameof(IdNumber), idError);
            else if (BirthDate is { } birth && Domain.IdNumber.BirthDate(Domain.IdNumber.Normalize(IdNumber!)) != birth)
                yield return (nameof(BirthDate), "出生日期与身份证号码不一致");
        }
        else if (BirthDate is { } birth && birth != storedIdBirthDate)
            yield return (nameof(BirthDate), "出生日期与身份证号码不一致");
        if (Domain.Mobile.Validate(Mobile) is { } mobileError)
            yield return (nameof(Mobile), mobileError);
        if (IsFloating)
        {
            if (FloatingDirection is null)
                yield return (nameof(FloatingDirection), "请选择流出或流入");
            if (string.IsNullOrWhiteSpace(FloatingPlace))
                yield return (
                    nameof(FloatingPlace),
                    FloatingDirection == Domain.FloatingDirection.In ? "请填写从何处流入" : "请填写流向何处"
                );
            if (FloatingSince is null)
                yield return (nameof(FloatingSince), "请填写流动开始日期");
            else if (FloatingSince > today)
                yield return (nameof(FloatingSince), "流动开始日期不能晚于今天");
        }
        if (JoinedOn is { } joined)
        {
            if (joined > today)
                yield return (nameof(JoinedOn), "入党日期不能晚于今天");
            else if (BirthDate is { } b && joined < b.AddYears(18))
                yield return (nameof(JoinedOn), "入党日期应在年满18周岁之后");
        }
        if (FullMemberOn is { } full)
        {
            // The probationary period is one year (预备期一年).
            if (Status == MemberStatus.Probationary)
                yield return (nameof(FullMemberOn), "预备党员尚未转正,请不要填写转正日期");
            else if (full > today)
                yield return (nameof(FullMemberOn), "转正日期不能晚于今天");
            else if (JoinedOn is { } j && full < j.AddYears(1))
                yield return (nameof(FullMemberOn), "转正日期应在入党日期满一年之后");
        }
    }

    /// <summary>Checks what attributes cannot; adds field errors under the "Input." prefix. The ID number's
    /// platform-wide uniqueness is checked once the branch is one the caller administers (the registry logs
    /// findings outside the scope against it).</summary>
    public async Task ValidateAsync(
        ModelStateDictionary state,
        HonglingDb db,
        PiiProtector pii,
        IdNumberRegistry registry,
        DateOnly today,
        Member? existing
    )
    {
        var storedBirth = existing is null
            ? (DateOnly?)null
            : Domain.IdNumber.BirthDate(pii.Decrypt(existing.IdNumberCipher));
        var problems = Check(today, storedBirth).ToList();
        foreach (var (field, message) in problems)
            state.AddModelError("Input." + field, message);
        var branch = OrganizationId is { } orgId
            ? await db
                .AdministeredOrganizations.Where(o => o.Id == orgId)
                .Select(o => new
                {
                    o.Id,
                    o.Path,
                    o.Kind,
                })
                .FirstOrDefaultAsync()
            : null;
        if (OrganizationId is not null && branch is null)
            state.AddModelError("Input.OrganizationId", "请选择您管辖范围内的党支部");
        else if (branch is not null && branch.Kind != OrgKind.Branch)
            state.AddModelError("Input.OrganizationId", RuleErrors.MemberBranchOnly.Message);
        if (
            branch is not null
            && !string.IsNullOrWhiteSpace(IdNumber)
            && !problems.Any(p => p.Field == nameof(IdNumber))
        )
        {
            var normalized = Domain.IdNumber.Normalize(IdNumber);
            var found = await registry.FindAsync(
                pii.Hash(normalized),
                Domain.IdNumber.Mask(normalized),
                branch.Id,
                branch.Path,
                default
            );
            if (found.Limited)
                state.AddModelError("Input.IdNumber", IdNumberRegistry.TooMany);
            else if (found.Holder is { } holder && holder.MemberId != existing?.Id)
                state.AddModelError("Input.IdNumber", "该身份证号码已登记,不能重复录入");
        }
    }

    public void ApplyTo(Member m, PiiProtector pii, DateTime now)
    {
        m.Name = Name.Trim();
        m.Gender = Gender!.Value;
        m.Ethnicity = Ethnicity.Trim();
        m.BirthDate = BirthDate!.Value;
        if (!string.IsNullOrWhiteSpace(IdNumber))
            pii.SetIdNumber(m, IdNumber);
        m.Mobile = Mobile!.Trim();
        m.Education = Education!.Value;
        m.JoinedOn = JoinedOn!.Value;
        m.Status = Status!.Value;
        m.OrganizationId = OrganizationId!.Value;
        m.IsFloating = IsFloating;
        // Details belong to a floating member only; clearing the flag clears them.
        m.FloatingDirection = IsFloating ? FloatingDirection : null;
        m.FloatingPlace = IsFloating ? FloatingPlace?.Trim() : null;
        m.FloatingContact = IsFloating ? FloatingContact?.Trim() : null;
        m.FloatingSince = IsFloating ? FloatingSince : null;
        m.NativePlace = NativePlace.NullIfBlank();
        m.Degree = Degree;
        m.Occupation = Occupation.NullIfBlank();
        m.WorkUnit = WorkUnit.NullIfBlank();
        m.Position = Position.NullIfBlank();
        m.HomeAddress = HomeAddress.NullIfBlank();
        m.FullMemberOn = FullMemberOn;
        m.DuesBase = DuesBase;
        m.DuesAmount = DuesAmount ?? (DuesBase is { } b ? DuesRule.MonthlyAmount(b) : null);
        m.UpdatedAt = now;
    }

    public static Task<List<SelectListItem>> BranchOptionsAsync(HonglingDb db) =>
        db
            .AdministeredOrganizations.Where(o => o.Kind == OrgKind.Branch)
            .OrderBy(o => o.Path)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync();
}
