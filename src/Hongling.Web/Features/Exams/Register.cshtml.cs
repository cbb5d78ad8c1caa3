using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Self-registration of exam candidates who are not members (用户实时注册): name, mobile number
/// (their sign-in name), work unit, the district or town they belong to, and a password. The account and
/// the registrant are created in one transaction and the registrant is signed in; an administrator of
/// that organization then approves them for exams. Rate-limited per client address.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Registration), Account.SignInForm]
public sealed class RegisterModel(HonglingDb db, SignInManager<Domain.Account> signIn, TimeProvider clock) : PageModel
{
    /// <summary>Registrants choose among the district and its towns (depth 0 and 1): the organizations
    /// whose administrators approve candidates.</summary>
    public const int MaxDepth = 1;

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public List<(int Id, string Name)> Organizations { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写姓名"), StringLength(50, ErrorMessage = "姓名最多50字"), Display(Name = "姓名")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "请填写手机号码"), Display(Name = "手机号码")]
        public string? Mobile { get; set; }

        [
            Required(ErrorMessage = "请填写工作单位"),
            StringLength(100, ErrorMessage = "工作单位最多100字"),
            Display(Name = "工作单位")
        ]
        public string? WorkUnit { get; set; }

        [Required(ErrorMessage = "请选择所属乡镇或单位"), Display(Name = "所属乡镇(街道)")]
        public int? OrganizationId { get; set; }

        [
            Required(ErrorMessage = "请设置密码"),
            StringLength(128, ErrorMessage = "密码过长"),
            DataType(DataType.Password),
            Display(Name = "密码")
        ]
        public string? Password { get; set; }

        [
            Required(ErrorMessage = "请再次输入密码"),
            Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致"),
            DataType(DataType.Password),
            Display(Name = "确认密码")
        ]
        public string? ConfirmPassword { get; set; }
    }

    public async Task OnGetAsync() => await LoadOrganizationsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var mobile = Input.Mobile?.Trim() ?? "";
        if (Domain.Mobile.Validate(mobile) is { } mobileError)
            ModelState.AddModelError("Input.Mobile", mobileError);
        else if (await signIn.UserManager.FindByNameAsync(mobile) is not null)
            ModelState.AddModelError("Input.Mobile", "该手机号码已注册,请直接登录");
        // A visitor's scope sees no organization: the choice is checked against the same list the form offers.
        if (Input.OrganizationId is { } orgId && !await Choosable().AnyAsync(o => o.Id == orgId))
            ModelState.AddModelError("Input.OrganizationId", "请从列表中选择所属乡镇(街道)");
        if (!ModelState.IsValid)
            return await FormAsync();

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Domain.Account
        {
            UserName = mobile,
            PhoneNumber = mobile,
            DisplayName = Input.Name!.Trim(),
            CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await signIn.UserManager.CreateAsync(account, Input.Password!);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync();
            foreach (var e in created.Errors)
                ModelState.AddModelError(
                    e.Code.StartsWith("Password") ? "Input.Password" : "Input.Mobile",
                    e.Code is "DuplicateUserName" ? "该手机号码已注册,请直接登录" : e.Description
                );
            return await FormAsync();
        }
        db.Registrants.Add(
            new Registrant
            {
                AccountId = account.Id,
                Name = Input.Name!.Trim(),
                Mobile = mobile,
                WorkUnit = Input.WorkUnit!.Trim(),
                OrganizationId = Input.OrganizationId!.Value,
                CreatedAt = now,
            }
        );
        try
        {
            // Nobody is signed in yet: the checks above (a listed organization, a free mobile number) are the rule.
            using (db.Scope.ForCandidateRegistration())
                await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // The unique mobile index: the same number was registered a moment ago from another page.
            await tx.RollbackAsync();
            ModelState.AddModelError("Input.Mobile", "该手机号码已注册,请直接登录");
            return await FormAsync();
        }
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect("/Exams/Mine?registered=true");
    }

    private async Task<IActionResult> FormAsync()
    {
        Input.Password = Input.ConfirmPassword = null;
        await LoadOrganizationsAsync();
        return Page();
    }

    private IQueryable<Organization> Choosable() => db.OrganizationsOfThePlatform.Where(o => o.Depth <= MaxDepth);

    private async Task LoadOrganizationsAsync() =>
        Organizations = [
            .. (await Choosable().OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync()).Select(o =>
                (o.Id, o.Name)
            ),
        ];
}
