namespace Hongling.Web.Features.Bulletins;

/// <summary>A bulletin as a sequence of headed blocks of plain paragraphs — the form the .docx is written from.
/// <see cref="Editor"/> paragraphs are the editor's words (shown as such); the rest is worded from the figures.</summary>
public sealed record BulletinBlock(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Editor);

public static class BulletinDocument
{
    public static IReadOnlyList<BulletinBlock> Blocks(BulletinView view)
    {
        var text = view.Bulletin.Text;
        var c = view.Content;
        return
        [
            new("", [], Lines(text.Opening)),
            new("四、下月工作重点", TargetsWording.Next(c.Targets), Lines(text.NextMonth)),
            new("", TargetsWording.Outcome(c.Targets), []),
        ];
    }

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
