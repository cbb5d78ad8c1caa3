using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Development;

/// <summary>Registering someone who has applied to join the party (入党申请人).</summary>
public sealed class ApplicantInput
{
    [Required(ErrorMessage = "请填写姓名"), StringLength(50, ErrorMessage = "姓名不超过50个字"), Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请选择性别"), Display(Name = "性别")]
    public Gender? Gender { get; set; }

    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [Required(ErrorMessage = "请填写递交入党申请日期"), Display(Name = "递交入党申请日期")]
    public DateOnly? AppliedOn { get; set; }

    [Required(ErrorMessage = "请选择所在党支部"), Display(Name = "所在党支部")]
    public int? OrganizationId { get; set; }

    [StringLength(200, ErrorMessage = "备注不超过200字"), Display(Name = "备注")]
    public string? Note { get; set; }

    /// <summary>Checks what attributes cannot; adds field errors under the "Input." prefix.</summary>
    public async Task ValidateAsync(ModelStateDictionary state, HonglingDb db, DateOnly today)
    {
        if (Domain.Mobile.Validate(Mobile) is { } mobileError)
            state.AddModelError("Input.Mobile", mobileError);
        if (AppliedOn > today)
            state.AddModelError("Input.AppliedOn", "递交入党申请日期不能晚于今天");
        if (OrganizationId is { } orgId)
        {
            var kind = await db
                .AdministeredOrganizations.Where(o => o.Id == orgId)
                .Select(o => (OrgKind?)o.Kind)
                .FirstOrDefaultAsync();
            if (kind is null)
                state.AddModelError("Input.OrganizationId", "请选择您管辖范围内的党支部");
            else if (kind != OrgKind.Branch)
                state.AddModelError("Input.OrganizationId", "入党申请人只能登记在党支部");
        }
    }

    public Recruit ToRecruit(string recordedBy, DateTime now)
    {
        var recruit = new Recruit
        {
            Name = Name.Trim(),
            Gender = Gender!.Value,
            Mobile = Mobile!.Trim(),
            OrganizationId = OrganizationId!.Value,
            Stage = DevelopmentStage.Applicant,
            AppliedOn = AppliedOn!.Value,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The application is the first step of the history.
        recruit.Steps.Add(
            new RecruitStep
            {
                Stage = DevelopmentStage.Applicant,
                On = recruit.AppliedOn,
                Note = Note.NullIfBlank(),
                RecordedAt = now,
                RecordedBy = recordedBy,
            }
        );
        return recruit;
    }
}
