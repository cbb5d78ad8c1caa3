using System.Security.Cryptography;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Account;

/// <summary>Issues red ID cards (红色身份证) and resets their passwords. The initial password is returned
/// once, to be shown once; the member must replace it at first sign-in.</summary>
public sealed class CardIssuer(HonglingDb db, UserManager<Domain.Account> users, TimeProvider clock)
{
    // No 0/O, 1/l/I: the password is read off a screen and typed on a phone.
    private const string Letters = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public sealed record Issued(string CardNumber, string Password);

    public async Task<Issued?> IssueAsync(Member member)
    {
        if (member.CardNumber is not null)
            return null;
        await using var tx = await db.Database.BeginTransactionAsync();
        var card = await NewCardNumberAsync();
        var password = NewPassword();
        var account = new Domain.Account
        {
            UserName = card,
            MemberId = member.Id,
            DisplayName = member.Name,
            MustChangePassword = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        member.CardNumber = card;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new Issued(card, password);
    }

    /// <summary>A new one-time password; every open session of the card ends with the old password.</summary>
    public async Task<Issued?> ResetPasswordAsync(Member member)
    {
        var account = await users.Users.FirstOrDefaultAsync(a => a.MemberId == member.Id);
        if (account is null)
            return null;
        await using var tx = await db.Database.BeginTransactionAsync();
        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(account);
        account.MustChangePassword = true;
        var result = await users.ResetPasswordAsync(account, token, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await db.EndSessionsAsync(account.Id);
        await tx.CommitAsync();
        return new Issued(account.UserName!, password);
    }

    private async Task<string> NewCardNumberAsync()
    {
        while (true)
        {
            var card =
                RandomNumberGenerator.GetInt32(2, 10) + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9");
            if (!await db.Users.AnyAsync(a => a.UserName == card))
                return card;
        }
    }

    public static string NewPassword()
    {
        while (true)
        {
            var chars = Enumerable
                .Range(0, 8)
                .Select(i =>
                    i % 3 == 2
                        ? Digits[RandomNumberGenerator.GetInt32(Digits.Length)]
                        : Letters[RandomNumberGenerator.GetInt32(Letters.Length)]
                )
                .ToArray();
            if (chars.Distinct().Count() >= 4)
                return new string(chars);
        }
    }
}
