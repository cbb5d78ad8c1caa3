using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Account;

/// <summary>A password change ends every other session of the account at once (another phone, a forgotten
/// computer); this one goes on with the new security stamp.</summary>
[SignedInPage]
public sealed class ChangePasswordModel(
    UserManager<Domain.Account> users,
    SignInManager<Domain.Account> signIn,
    HonglingDb db
) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();
    public bool Forced { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入原密码"), Display(Name = "原密码"), DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [
            Required(ErrorMessage = "请输入新密码"),
            StringLength(128, ErrorMessage = "密码过长"),
            Display(Name = "新密码(至少8位,含数字)"),
            DataType(DataType.Password)
        ]
        public string NewPassword { get; set; } = "";

        [
            Required(ErrorMessage = "请再次输入新密码"),
            Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致"),
            Display(Name = "确认新密码"),
            DataType(DataType.Password)
        ]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => Forced = User.HasClaim(AccountSetup.MustChangePasswordClaim, "1");

    public async Task<IActionResult> OnPostAsync()
    {
        Forced = User.HasClaim(AccountSetup.MustChangePasswordClaim, "1");
        if (!ModelState.IsValid)
            return Page();
        var account = await users.GetUserAsync(User);
        if (account is null)
            return Challenge();
        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "新密码不能与原密码相同");
            return Page();
        }
        account.MustChangePassword = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                        ? "Input.CurrentPassword"
                        : "Input.NewPassword",
                    e.Description
                );
            return Page();
        }
        await db.EndSessionsAsync(account.Id, keep: SessionStore.CurrentId(HttpContext));
        await tx.CommitAsync();
        await signIn.RefreshSignInAsync(account);
        Status = "密码已修改。";
        return RedirectToPage("/Index");
    }
}
