using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The demo district's question bank (a few real questions per category) and one exam open to
/// every member for a month, so that the demo member (card 1000000004) can take an exam.</summary>
public static class DemoExams
{
    private static readonly (string Category, string Stem, string[] Options, string Explanation)[] Singles =
    [
        (
            "党史",
            "中国共产党成立于哪一年?",
            ["*1921年", "1919年", "1927年", "1949年"],
            "1921年7月,中国共产党第一次全国代表大会召开,宣告中国共产党成立。"
        ),
        (
            "党史",
            "中国共产党第一次全国代表大会最初在哪里召开?",
            ["*上海", "北京", "广州", "武汉"],
            "一大在上海召开,最后一天转移到浙江嘉兴南湖的游船上举行。"
        ),
        ("党史", "遵义会议召开于哪一年?", ["*1935年", "1934年", "1936年", "1937年"], ""),
        (
            "党章党规",
            "党的最高领导机关是什么?",
            ["*党的全国代表大会和它所产生的中央委员会", "中央政治局", "中央书记处", "中央军事委员会"],
            ""
        ),
        (
            "党章党规",
            "预备党员的预备期为多长时间?",
            ["*一年", "半年", "两年", "三年"],
            "党章规定,预备党员的预备期为一年。"
        ),
        (
            "党章党规",
            "党员没有正当理由,连续多长时间不参加党的组织生活、不交纳党费或不做党所分配的工作,就被认为是自行脱党?",
            ["*六个月", "三个月", "一年", "两个月"],
            ""
        ),
        (
            "党章党规",
            "正式党员多少人以上的基层单位,经上级党组织批准,设立党的基层委员会?",
            ["*一百人以上", "五十人以上", "三十人以上", "三人以上"],
            ""
        ),
        (
            "理论",
            "中国共产党的根本宗旨是什么?",
            ["*全心全意为人民服务", "实现共产主义", "解放和发展生产力", "全面依法治国"],
            ""
        ),
        (
            "业务知识",
            "党支部党员大会一般多久召开一次?",
            ["*每季度一次", "每月一次", "每半年一次", "每年一次"],
            "“三会一课”:支部党员大会一般每季度召开1次,党小组会一般每月召开1次。"
        ),
        ("业务知识", "党小组会一般多久召开一次?", ["*每月一次", "每季度一次", "每周一次", "每年一次"], ""),
        ("业务知识", "在职党员税后月工资收入3000元以下(含)的,每月交纳党费的比例是?", ["*0.5%", "1%", "1.5%", "2%"], ""),
        ("理论", "党的思想路线的核心是什么?", ["*实事求是", "解放思想", "与时俱进", "求真务实"], ""),
    ];

    private static readonly (string Category, string Stem, string[] Options)[] Multiples =
    [
        (
            "业务知识",
            "“三会一课”包括哪些?",
            ["*支部党员大会", "*支部委员会", "*党小组会", "*按时上好党课", "民主评议会"]
        ),
        ("理论", "“四个意识”包括哪些?", ["*政治意识", "*大局意识", "*核心意识", "*看齐意识", "忧患意识"]),
        ("理论", "“四个自信”包括哪些?", ["*道路自信", "*理论自信", "*制度自信", "*文化自信", "历史自信"]),
        (
            "党章党规",
            "党的纪律处分有哪几种?",
            ["*警告", "*严重警告", "*撤销党内职务", "*留党察看", "*开除党籍", "降级"]
        ),
    ];

    private static readonly (string Stem, bool True)[] Judgements =
    [
        ("党员有权参加党的有关会议,阅读党的有关文件,接受党的教育和培训。", true),
        ("预备党员享有表决权、选举权和被选举权。", false),
        ("党的地方各级代表大会每五年举行一次。", true),
        ("党员可以因为工作繁忙长期不交纳党费。", false),
    ];

    public static async Task AddAsync(HonglingDb db, Organization district, DateTime now)
    {
        var categories = new[] { "党章党规", "党史", "理论", "业务知识" }.ToDictionary(
            n => n,
            n => new QuestionCategory { Name = n, OrganizationId = district.Id }
        );
        db.QuestionCategories.AddRange(categories.Values);
        await db.SaveChangesAsync();
        Question New(QuestionType type, string category, string stem, int difficulty) =>
            new()
            {
                Type = type,
                Stem = stem,
                CategoryId = categories[category].Id,
                OrganizationId = district.Id,
                Difficulty = difficulty,
                Points = 10,
                UpdatedAt = now,
            };
        static List<QuestionOption> Options(string[] o) =>
            [.. o.Select(t => new QuestionOption(t.TrimStart('*'), t.StartsWith('*')))];
        db.Questions.AddRange(
            Singles.Select(
                (s, i) =>
                    Set(New(QuestionType.Single, s.Category, s.Stem, 1 + i % 4), Options(s.Options), s.Explanation)
            )
        );
        db.Questions.AddRange(
            Multiples.Select(m => Set(New(QuestionType.Multiple, m.Category, m.Stem, 3), Options(m.Options), ""))
        );
        db.Questions.AddRange(
            Judgements.Select(j =>
                Set(New(QuestionType.TrueFalse, "党章党规", j.Stem, 2), [new("正确", j.True), new("错误", !j.True)], "")
            )
        );
        var fill1 = New(QuestionType.FillIn, "理论", "中国共产党的最高理想和最终目标是实现____。", 2);
        fill1.Blanks =
        [
            ["共产主义"],
        ];
        var fill2 = New(
            QuestionType.FillIn,
            "理论",
            "党的思想路线是一切从实际出发,理论联系实际,____,在实践中检验真理和发展真理。",
            3
        );
        fill2.Blanks =
        [
            ["实事求是"],
        ];
        db.Questions.AddRange(
            fill1,
            fill2,
            New(QuestionType.ShortAnswer, "业务知识", "请结合本职工作,谈谈如何发挥党员先锋模范作用。", 4)
        );
        await db.SaveChangesAsync();
        var rules = new List<ExamRule>
        {
            new(QuestionType.Single, null, 5, 1, 5, 10),
            new(QuestionType.Multiple, null, 2, 1, 5, 10),
            new(QuestionType.TrueFalse, null, 2, 1, 5, 10),
            new(QuestionType.FillIn, null, 1, 1, 5, 10),
        };
        db.Exams.Add(
            new Exam
            {
                Title = "党章党规和党史知识测试",
                Instructions = "共10题,满分100分,60分合格;限时30分钟,可参加3次。答案随答随存,到时自动交卷。",
                OrganizationId = district.Id,
                AudiencePath = district.Path,
                OpensAt = now.AddDays(-1),
                ClosesAt = now.AddDays(30),
                DurationMinutes = 30,
                AttemptsAllowed = 3,
                PassMark = 60,
                ShowAnswers = ShowAnswers.AfterClose,
                Rules = rules,
                TotalPoints = 100,
                CreatedAt = now,
            }
        );
        await db.SaveChangesAsync();
    }

    /// <summary>For bench/exam.sh: <paramref name="count"/> single-choice questions in their own category and
    /// an exam drawing all of them, open to the whole district for a day, one attempt each. Returns its id.</summary>
    public static async Task<int> AddBenchExamAsync(HonglingDb db, int count, DateTime now)
    {
        var district = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstAsync();
        var category = new QuestionCategory { Name = "压力测试", OrganizationId = district.Id };
        db.QuestionCategories.Add(category);
        await db.SaveChangesAsync();
        db.Questions.AddRange(
            Enumerable
                .Range(1, count)
                .Select(i =>
                    Set(
                        new Question
                        {
                            Type = QuestionType.Single,
                            Stem = $"压力测试第{i}题",
                            CategoryId = category.Id,
                            OrganizationId = district.Id,
                            Difficulty = 3,
                            Points = 2,
                            UpdatedAt = now,
                        },
                        [
                            new("正确选项", true),
                            new("错误选项一", false),
                            new("错误选项二", false),
                            new("错误选项三", false),
                        ],
                        ""
                    )
                )
        );
        var exam = new Exam
        {
            Title = "压力测试考试",
            OrganizationId = district.Id,
            AudiencePath = district.Path,
            OpensAt = now.AddMinutes(-1),
            ClosesAt = now.AddDays(1),
            DurationMinutes = 120,
            AttemptsAllowed = 1,
            PassMark = count,
            TotalPoints = 2 * count,
            CreatedAt = now,
            Rules = [new(QuestionType.Single, category.Id, count, 1, 5, 2)],
        };
        db.Exams.Add(exam);
        await db.SaveChangesAsync();
        return exam.Id;
    }

    private static Question Set(Question q, List<QuestionOption> options, string explanation)
    {
        q.Options = options;
        q.Explanation = explanation.Length > 0 ? explanation : null;
        return q;
    }
}
