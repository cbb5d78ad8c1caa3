using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>An attempt as the candidate sees it while answering: stems, option keys and texts, the saved
/// answers. Nothing here says which option is correct, what a blank accepts or why (no explanation):
/// this is the only shape in which an attempt in progress leaves the server.</summary>
public sealed record PaperView(
    Guid Id,
    string Title,
    string? Instructions,
    DateTime Deadline,
    DateTime ServerNow,
    bool Open,
    decimal MaxScore,
    List<PaperView.Item> Items
)
{
    public sealed record Option(string Key, string Text);

    public sealed record Item(
        int Position,
        string Type,
        string TypeName,
        string Stem,
        decimal Points,
        List<Option> Options,
        int Blanks,
        List<string>? Answer,
        long Seq
    );

    public static async Task<PaperView?> LoadAsync(HonglingDb db, Guid id, DateTime now, CancellationToken ct = default)
    {
        var a = await Candidacy
            .Own(db)
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Exam.Title,
                x.Exam.Instructions,
                x.Deadline,
                x.State,
                x.MaxScore,
            })
            .FirstOrDefaultAsync(ct);
        if (a is null)
            return null;
        var items = await db
            .AttemptItems.AsNoTracking()
            .Include(i => i.Question)
            .Where(i => i.AttemptId == id)
            .OrderBy(i => i.Position)
            .ToListAsync(ct);
        return new PaperView(
            a.Id,
            a.Title,
            a.Instructions,
            a.Deadline,
            now,
            a.State == AttemptState.InProgress && now <= a.Deadline,
            a.MaxScore,
            [
                .. items.Select(i => new Item(
                    i.Position,
                    i.Type.ToString(),
                    ExamLabels.Of(i.Type),
                    i.Stem,
                    i.Points,
                    [.. i.Options.Select(o => new Option(o.Key, o.Text))],
                    i.Blanks.Count,
                    i.Answer,
                    i.AnswerSeq
                )),
            ]
        );
    }
}
