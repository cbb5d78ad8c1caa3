using System.ComponentModel.DataAnnotations;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Account;

/// <summary>Sign-in with the red ID card (card number and password), or for a registered exam candidate
/// (报名人员) their mobile number and password: both are the account's user name. Every attempt is recorded,
/// and every attempt hashes the typed password once, whether or not the card exists (see DummyPasswordHash).</summary>
[AllowAnonymous, SignInForm]
public sealed class LoginModel(
    SignInManager<Domain.Account> signIn,
    HonglingDb db,
    TimeProvider clock,
    DummyPasswordHash dummy
) : PageModel
{
    /// <summary>Same words whether the card is unknown or the password wrong: the page never tells which cards
    /// exist.</summary>
    public const string BadCredentials = "卡号或密码不正确。";

    /// <summary>Whom a member asks when the password is lost: their own branch's administrator resets it.</summary>
    public const string WhomToAsk = "忘记密码请找所在党支部的管理员重置。";
    public const string LockedOut = "登录失败次数过多,请15分钟后再试。" + WhomToAsk;

    /// <summary>The failure's words with the tries left before the 15-minute lock, counted alike for a known
    /// card (Identity's failed count) and an unknown one (its failures of the last 15 minutes).</summary>
    public static string TriesLeft(int left) =>
        $"{BadCredentials}还可以再试{left}次,连续输错5次将锁定15分钟。{WhomToAsk}";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入卡号或手机号"), StringLength(64, ErrorMessage = "卡号过长")]
        [Display(Name = "卡号或手机号")]
        public string CardNumber { get; set; } = "";

        [Required(ErrorMessage = "请输入密码"), StringLength(128, ErrorMessage = "密码过长")]
        [Display(Name = "密码"), DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var card = Input.CardNumber.Trim();
        var account = await signIn.UserManager.FindByNameAsync(card);
        SignInFailure? failure;
        var max = signIn.Options.Lockout.MaxFailedAccessAttempts;
        int failures;
        if (account is null)
        {
            dummy.Verify(signIn.UserManager.PasswordHasher, Input.Password);
            failures = await RecentUnknownFailuresAsync(card) + 1;
            failure = failures >= max ? SignInFailure.LockedOut : SignInFailure.UnknownCard;
        }
        else
        {
            // A locked card (five wrong passwords, or transferred out of the platform) is refused before its
            // hash is checked: the same work is spent on the dummy hash instead.
            if (!await signIn.CanSignInAsync(account) || await signIn.UserManager.IsLockedOutAsync(account))
                dummy.Verify(signIn.UserManager.PasswordHasher, Input.Password);
            var result = await signIn.PasswordSignInAsync(
                account,
                Input.Password,
                isPersistent: false,
                lockoutOnFailure: true
            );
            failure =
                result.Succeeded ? null
                : result.IsLockedOut ? SignInFailure.LockedOut
                : result.IsNotAllowed ? SignInFailure.NotAllowed
                : SignInFailure.WrongPassword;
            failures =
                failure == SignInFailure.WrongPassword
                    ? await signIn.UserManager.GetAccessFailedCountAsync(account)
                    : await RecentUnknownFailuresAsync(card, account.Id) + 1;
        }
        await RecordAsync(card, account, failure);
        if (failure is null)
            return account!.MustChangePassword
                ? RedirectToPage("/Account/ChangePassword")
                : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        var words = failure == SignInFailure.LockedOut ? LockedOut : TriesLeft(Math.Max(1, max - failures));
        ModelState.AddModelError("", words);
        return Page();
    }

    /// <summary>Unknown cards lock out like real ones, so lockout does not reveal which cards exist; the same count of
    /// recent failures serves a known card refused before its password (one transferred out of the platform).</summary>
    private Task<int> RecentUnknownFailuresAsync(string card, string? accountId = null)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMinutes(-15);
        return db.SignInRecords.CountAsync(r =>
            r.CardNumber == card && r.AccountId == accountId && !r.Succeeded && r.At >= since
        );
    }

    /// <summary>Records the attempt with the member's branch at this moment (no scope is loaded yet: the
    /// member's own record is read through the platform-wide escape, by the account's member id).</summary>
    private async Task RecordAsync(string card, Domain.Account? account, SignInFailure? failure)
    {
        var orgPath = account?.MemberId is { } memberId
            ? await db
                .MembersOfThePlatform.Where(m => m.Id == memberId && m.LeftOn == null)
                .Select(m => m.OrgPath)
                .FirstOrDefaultAsync()
            : null;
        db.SignInRecords.Add(
            new SignInRecord
            {
                At = clock.GetUtcNow().UtcDateTime,
                CardNumber = card.Length > 64 ? card[..64] : card,
                AccountId = account?.Id,
                MemberId = orgPath is null ? null : account!.MemberId,
                OrgPath = orgPath,
                Succeeded = failure is null,
                Failure = failure,
                RemoteIp = HttpContext.Connection.RemoteIpAddress?.ToString(),
            }
        );
        await db.SaveChangesAsync();
    }
}
