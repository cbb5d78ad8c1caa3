using System.Globalization;

namespace Hongling.Web.Domain;

/// <summary>Resident ID numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character,
/// with the birth date in positions 7-14.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Upper-cases a trailing x and trims spaces; what is stored and hashed.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static char CheckCharFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Returns null when valid, else a message in Chinese saying what is wrong.</summary>
    public static string? Validate(string? raw, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return "请填写身份证号码";
        var value = Normalize(raw);
        if (value.Length != 18)
            return "身份证号码应为18位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(value[i]))
                return "身份证号码前17位应为数字";
        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
            return "身份证号码最后一位应为数字或X";
        if (BirthDate(value) is not { } birth)
            return "身份证号码中的出生日期无效";
        if (birth > today || birth.Year < 1900)
            return "身份证号码中的出生日期无效";
        if (CheckCharFor(value) != value[17])
            return "身份证号码校验位不正确";
        return null;
    }

    public static DateOnly? BirthDate(string normalized) =>
        normalized.Length >= 14
        && DateOnly.TryParseExact(
            normalized.AsSpan(6, 8),
            "yyyyMMdd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var d
        )
            ? d
            : null;

    /// <summary>The 17th digit is odd for men and even for women.</summary>
    public static Gender GenderOf(string normalized) => (normalized[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>"110105199003077578" → "1101**********7578": enough to tell people apart in a list.</summary>
    public static string Mask(string normalized) =>
        normalized[..4] + new string('*', normalized.Length - 8) + normalized[^4..];
}

public static class Mobile
{
    public static string? Validate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return "请填写手机号码";
        var v = raw.Trim();
        return v.Length == 11 && v[0] == '1' && v[1] is >= '3' and <= '9' && v.All(char.IsAsciiDigit)
            ? null
            : "手机号码应为以1开头的11位数字";
    }

    /// <summary>"13812345678" → "138****5678".</summary>
    public static string Mask(string value) => value.Length == 11 ? value[..3] + "****" + value[^4..] : "****";
}
