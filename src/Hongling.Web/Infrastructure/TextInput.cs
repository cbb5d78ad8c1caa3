namespace Hongling.Web.Infrastructure;

public static class TextInput
{
    /// <summary>A form's optional text as stored: trimmed, and null when nothing but blanks was typed.</summary>
    public static string? NullIfBlank(this string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
