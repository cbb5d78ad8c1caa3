using System.Buffers.Text;
using System.Security.Cryptography;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Draws an attempt's paper from the exam's rules: fixed questions first, then each rule's
/// questions at random (no question twice), questions shuffled within a rule and options shuffled,
/// each option under a fresh random key, so neither its position nor its key says whether it is correct.</summary>
public static class PaperDraw
{
    public sealed class RuleNotSatisfiable(string message) : Exception(message);

    public static string RuleText(ExamRule r, IReadOnlyList<QuestionCategory> categories, int index) =>
        $"第{index + 1}条规则({ExamLabels.Of(r.Type)}{r.Count}题,分类"
        + $"“{(r.CategoryId is { } c ? QuestionBank.PathName(categories, c) : "全部")}”,"
        + $"难度{r.MinDifficulty}-{r.MaxDifficulty})";

    /// <summary>Why the bank cannot serve the exam, one message per failing rule; empty when it can.</summary>
    public static async Task<List<string>> CheckAsync(
        HonglingDb db,
        Exam exam,
        string examOrgPath,
        CancellationToken ct = default
    )
    {
        var errors = new List<string>();
        var categories = await QuestionBank.CategoriesFor(db, examOrgPath).AsNoTracking().ToListAsync(ct);
        var fixedIds = exam.Fixed.Select(f => f.QuestionId).ToList();
        var found = await QuestionBank
            .UsableFor(db, examOrgPath)
            .Where(q => fixedIds.Contains(q.Id))
            .Select(q => q.Id)
            .ToListAsync(ct);
        foreach (var missing in fixedIds.Except(found))
            errors.Add($"固定题 {missing} 不在可用题库中(不存在、已停用或不属于本组织及上级)");
        var taken = new HashSet<int>(found);
        foreach (var (rule, text, ids) in await RulesAsync(db, exam, categories, examOrgPath, ct))
        {
            if (rule.CategoryId is { } cid && categories.All(c => c.Id != cid))
            {
                errors.Add($"{text}:分类不存在");
                continue;
            }
            var available = ids.Where(id => !taken.Contains(id)).ToList();
            if (available.Count < rule.Count)
                errors.Add($"{text}:题库中只有{available.Count}道符合条件的题目");
            foreach (var id in available.Take(rule.Count))
                taken.Add(id);
        }
        return errors;
    }

    /// <summary>What one exam draws from, read once: each rule's qualifying question ids, the fixed questions,
    /// and the current version of every one of those questions. Drawing a paper from it needs no database.</summary>
    public sealed record Pool(
        IReadOnlyList<(ExamRule Rule, string Text, int[] Ids)> Rules,
        IReadOnlyList<FixedQuestion> Fixed,
        IReadOnlyDictionary<int, QuestionVersion> Questions
    );

    public static async Task<Pool> LoadAsync(
        HonglingDb db,
        Exam exam,
        string examOrgPath,
        CancellationToken ct = default
    )
    {
        var categories = await QuestionBank.CategoriesFor(db, examOrgPath).AsNoTracking().ToListAsync(ct);
        var rules = await RulesAsync(db, exam, categories, examOrgPath, ct);
        var ids = rules.SelectMany(r => r.Ids).Concat(exam.Fixed.Select(f => f.QuestionId)).Distinct().ToList();
        var questions = await (
            from q in QuestionBank.UsableFor(db, examOrgPath).Where(q => ids.Contains(q.Id))
            join v in db.QuestionVersions on new { q.Id, q.Version } equals new { Id = v.QuestionId, v.Version }
            select v
        )
            .AsNoTracking()
            .ToDictionaryAsync(v => v.QuestionId, ct);
        return new Pool(rules, [.. exam.Fixed], questions);
    }

    /// <summary>Each rule with its text for messages and the ids of the usable questions it may take.</summary>
    private static async Task<List<(ExamRule Rule, string Text, int[] Ids)>> RulesAsync(
        HonglingDb db,
        Exam exam,
        IReadOnlyList<QuestionCategory> categories,
        string examOrgPath,
        CancellationToken ct
    )
    {
        var rules = new List<(ExamRule, string, int[])>();
        for (var i = 0; i < exam.Rules.Count; i++)
            rules.Add(
                (
                    exam.Rules[i],
                    RuleText(exam.Rules[i], categories, i),
                    [.. await CandidatesAsync(db, exam.Rules[i], categories, examOrgPath, ct)]
                )
            );
        return rules;
    }

    /// <summary>Fixed questions first, then each rule's questions at random (no question twice).</summary>
    public static List<AttemptItem> Draw(Pool pool)
    {
        var picks = new List<(int Id, decimal Points)>();
        var taken = new HashSet<int>();
        foreach (var f in pool.Fixed)
        {
            if (!pool.Questions.ContainsKey(f.QuestionId))
                throw new RuleNotSatisfiable("部分固定题已停用,请联系管理员");
            if (taken.Add(f.QuestionId))
                picks.Add((f.QuestionId, f.Points));
        }
        foreach (var (rule, text, candidates) in pool.Rules)
        {
            var ids = candidates.Where(id => !taken.Contains(id)).ToArray();
            if (ids.Length < rule.Count)
                throw new RuleNotSatisfiable($"{text}:题库中的题目不足,请联系管理员");
            Random.Shared.Shuffle(ids);
            foreach (var id in ids.Take(rule.Count))
            {
                taken.Add(id);
                picks.Add((id, rule.Points));
            }
        }
        // Every option key of the paper from one call to the system's generator: 64 random bits each.
        var random = RandomNumberGenerator.GetBytes(8 * picks.Sum(p => pool.Questions[p.Id].Options.Count));
        var items = new List<AttemptItem>(picks.Count);
        var used = 0;
        foreach (var (id, points) in picks)
        {
            var q = pool.Questions[id];
            items.Add(Freeze(q, points, items.Count + 1, random.AsSpan(used, 8 * q.Options.Count)));
            used += 8 * q.Options.Count;
        }
        return items;
    }

    private static async Task<List<int>> CandidatesAsync(
        HonglingDb db,
        ExamRule rule,
        IReadOnlyList<QuestionCategory> categories,
        string examOrgPath,
        CancellationToken ct
    )
    {
        var query = QuestionBank
            .UsableFor(db, examOrgPath)
            .Where(q =>
                q.Type == rule.Type && q.Difficulty >= rule.MinDifficulty && q.Difficulty <= rule.MaxDifficulty
            );
        if (rule.CategoryId is { } cid)
        {
            var within = QuestionBank.WithDescendants(categories, cid).ToList();
            query = query.Where(q => within.Contains(q.CategoryId));
        }
        return await query.Select(q => q.Id).ToListAsync(ct);
    }

    private static AttemptItem Freeze(QuestionVersion q, decimal points, int position, ReadOnlySpan<byte> random)
    {
        var keys = new OptionKey[q.Options.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = new OptionKey(Base64Url.EncodeToString(random.Slice(8 * i, 8)), i);
        if (q.Type != QuestionType.TrueFalse)
            Random.Shared.Shuffle(keys); // 正确/错误 keep their order
        return new AttemptItem
        {
            Position = position,
            QuestionId = q.QuestionId,
            QuestionVersion = q.Version,
            Question = q,
            Type = q.Type,
            Keys = [.. keys],
            Points = points,
        };
    }
}
