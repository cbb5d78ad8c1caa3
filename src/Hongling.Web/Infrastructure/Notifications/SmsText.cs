namespace Hongling.Web.Infrastructure.Notifications;

/// <summary>How Chinese SMS providers bill a text: up to 70 characters is one message; a longer text is sent as a
/// long message in segments of 67 characters each (the other three carry the joining header).</summary>
public static class SmsText
{
    public const int SingleLimit = 70;
    public const int SegmentLength = 67;

    /// <summary>The number of billed segments for the text (0 for an empty text). Characters are counted as people
    /// see them: a Chinese character, a letter or an emoji is one.</summary>
    public static int Segments(string text)
    {
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        if (length == 0)
            return 0;
        return length <= SingleLimit ? 1 : (length + SegmentLength - 1) / SegmentLength;
    }
}
