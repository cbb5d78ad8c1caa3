using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Exams;

/// <summary>A small bank and exams for the exam tests: every question type, with planted markers in the
/// text that must never leave the server before grading (explanations, accepted fill-in answers).</summary>
public static class ExamFixture
{
    public const string ExplanationMarker = "解析标记XJ9";
    public const string BlankMarker = "填空标记FZ7";

    public sealed record Bank(QuestionCategory Root, QuestionCategory Child, QuestionCategory Other);

    public static Task<Bank> AddBankAsync(this TestApp app, Organization org, int singles = 10) =>
        app.WithDbAsync(async db =>
        {
            var root = new QuestionCategory { Name = "党史", OrganizationId = org.Id };
            var other = new QuestionCategory { Name = "党章党规", OrganizationId = org.Id };
            db.AddRange(root, other);
            await db.SaveChangesAsync();
            var child = new QuestionCategory
            {
                Name = "新中国史",
                ParentId = root.Id,
                OrganizationId = org.Id,
            };
            db.Add(child);
            await db.SaveChangesAsync();
            for (var i = 0; i < singles; i++)
                db.Questions.Add(Single(org, i % 2 == 0 ? root : child, $"单选题{i}", difficulty: 1 + i % 5));
            db.Questions.Add(
                new Question
                {
                    Stem = "多选题甲",
                    Type = QuestionType.Multiple,
                    CategoryId = other.Id,
                    OrganizationId = org.Id,
                    Difficulty = 3,
                    Points = 2,
                    Explanation = ExplanationMarker,
                    Options = [new("对一", true), new("对二", true), new("对三", true), new("错一", false)],
                }
            );
            db.Questions.Add(
                new Question
                {
                    Stem = "判断题甲",
                    Type = QuestionType.TrueFalse,
                    CategoryId = other.Id,
                    OrganizationId = org.Id,
                    Difficulty = 2,
                    Points = 1,
                    Explanation = ExplanationMarker,
                    Options = [new("正确", true), new("错误", false)],
                }
            );
            db.Questions.Add(
                new Question
                {
                    Stem = "填空题甲 ____ 与 ____",
                    Type = QuestionType.FillIn,
                    CategoryId = other.Id,
                    OrganizationId = org.Id,
                    Difficulty = 3,
                    Points = 2,
                    Explanation = ExplanationMarker,
                    Blanks =
                    [
                        [BlankMarker, "ABC"],
                        ["1921"],
                    ],
                }
            );
            db.Questions.Add(
                new Question
                {
                    Stem = "简答题甲",
                    Type = QuestionType.ShortAnswer,
                    CategoryId = other.Id,
                    OrganizationId = org.Id,
                    Difficulty = 4,
                    Points = 5,
                    Explanation = ExplanationMarker,
                }
            );
            await db.SaveChangesAsync();
            return new Bank(root, child, other);
        });

    public static Question Single(Organization org, QuestionCategory category, string stem, int difficulty = 3) =>
        new()
        {
            Stem = stem,
            Type = QuestionType.Single,
            CategoryId = category.Id,
            OrganizationId = org.Id,
            Difficulty = difficulty,
            Points = 1,
            Explanation = ExplanationMarker,
            Options =
            [
                new(stem + "正解", true),
                new(stem + "错解一", false),
                new(stem + "错解二", false),
                new(stem + "错解三", false),
            ],
        };

    /// <summary>An exam open now: 4 singles from the 党史 tree, plus one of each other type from 党章党规.</summary>
    public static Task<Exam> AddExamAsync(
        this TestApp app,
        Organization org,
        Bank bank,
        int minutes = 30,
        TimeSpan? closesIn = null,
        int attempts = 1,
        ShowAnswers show = ShowAnswers.AfterSubmission,
        bool withShortAnswer = false
    ) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var rules = new List<ExamRule>
            {
                new(QuestionType.Single, bank.Root.Id, 4, 1, 5, 5),
                new(QuestionType.Multiple, bank.Other.Id, 1, 1, 5, 4),
                new(QuestionType.TrueFalse, bank.Other.Id, 1, 1, 5, 2),
                new(QuestionType.FillIn, bank.Other.Id, 1, 1, 5, 4),
            };
            if (withShortAnswer)
                rules.Add(new(QuestionType.ShortAnswer, bank.Other.Id, 1, 1, 5, 10));
            var exam = new Exam
            {
                Title = "测试考试" + TestApp.UniqueCode(""),
                OrganizationId = org.Id,
                AudiencePath = org.Path,
                OpensAt = now.AddMinutes(-1),
                ClosesAt = now + (closesIn ?? TimeSpan.FromDays(1)),
                DurationMinutes = minutes,
                AttemptsAllowed = attempts,
                PassMark = 18,
                ShowAnswers = show,
                Rules = rules,
                TotalPoints = rules.Sum(r => r.Count * r.Points),
                CreatedAt = now,
            };
            db.Exams.Add(exam);
            await db.SaveChangesAsync();
            return exam;
        });

    /// <summary>A new town's branch with a bank of its own (see <see cref="AddBankAsync"/>).</summary>
    public static async Task<(Organization Branch, Bank Bank)> AddBranchWithBankAsync(this TestApp app, string name)
    {
        var (_, branch) = await app.AddTownAsync(name);
        return (branch, await app.AddBankAsync(branch));
    }

    /// <summary>An attempt as stored, with its items and their questions.</summary>
    public static Task<Attempt> AttemptAsync(this TestApp app, Guid id) =>
        app.WithDbAsync(db =>
            db.Attempts.AsNoTracking().Include(a => a.Items).ThenInclude(i => i.Question).SingleAsync(a => a.Id == id)
        );

    /// <summary>A member of <paramref name="branch"/> signed in to take exams.</summary>
    public static Task<(Member Member, HttpClient Client)> CandidateAsync(
        this TestApp app,
        Organization branch,
        string name = "考生"
    ) => app.SignInAsMemberAsync(branch, name);
}
