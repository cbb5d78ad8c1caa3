using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QRCoder;

namespace Hongling.Web.Infrastructure.CheckIn;

/// <summary>QR check-in (扫码签到) codes, shared by activities and lecture sessions. A code is the id of what it
/// checks into and an expiry, sealed by Data Protection (authenticated encryption with the keys all instances share)
/// under the caller's purpose: it cannot be forged, altered, or used for another activity, session or feature, and
/// it stops working a few hours after the end. Time is the platform clock (TimeProvider), not the protector's
/// own.</summary>
public sealed class CheckInCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Check-in opens an hour before the start…</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);

    /// <summary>…and closes three hours after the end (a meeting that runs late, someone who scans on
    /// leaving).</summary>
    public static readonly TimeSpan ClosesAfter = TimeSpan.FromHours(3);

    /// <summary>What a scanned code says about the check-in.</summary>
    public enum Verdict
    {
        Open,
        Invalid,
        OtherTarget,
        Expired,
        NotOpenYet,
    }

    /// <summary>The code for <paramref name="id"/> under <paramref name="purpose"/>, valid until the check-in
    /// closes.</summary>
    public string CodeFor(string purpose, int id, DateTime endsAt) =>
        protection.CreateProtector(purpose).Protect($"{id}:{(endsAt + ClosesAfter).Ticks}");

    /// <summary>Whether the code is genuine, for this id and still valid (before the row is read).</summary>
    public Verdict ReadCode(string purpose, int id, string? code)
    {
        if (Unseal(purpose, code) is not { } sealedCode)
            return Verdict.Invalid;
        if (sealedCode.Id != id)
            return Verdict.OtherTarget;
        return clock.GetUtcNow().UtcDateTime > sealedCode.Expiry ? Verdict.Expired : Verdict.Open;
    }

    /// <summary>Whether now lies in the check-in window of something from <paramref name="startsAt"/> to
    /// <paramref name="endsAt"/> (UTC).</summary>
    public Verdict Window(DateTime startsAt, DateTime endsAt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > endsAt + ClosesAfter)
            return Verdict.Expired;
        return now < startsAt - OpensBefore ? Verdict.NotOpenYet : Verdict.Open;
    }

    /// <summary>The QR code of <paramref name="url"/> as a PNG.</summary>
    public static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }

    private sealed record SealedCode(int Id, DateTime Expiry);

    private SealedCode? Unseal(string purpose, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 1000)
            return null;
        try
        {
            var parts = protection.CreateProtector(purpose).Unprotect(code).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], out var id) && long.TryParse(parts[1], out var ticks)
                ? new SealedCode(id, new DateTime(ticks, DateTimeKind.Utc))
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class CheckInSetup
{
    /// <summary>Registers <see cref="CheckInCodes"/> once, whichever feature asks first.</summary>
    public static IServiceCollection AddCheckInCodes(this IServiceCollection services)
    {
        services.TryAddSingleton<CheckInCodes>();
        return services;
    }
}
