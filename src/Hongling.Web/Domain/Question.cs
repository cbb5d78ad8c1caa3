namespace Hongling.Web.Domain;

public enum QuestionType
{
    Single = 1,
    Multiple = 2,
    TrueFalse = 3,
    FillIn = 4,
    ShortAnswer = 5,
}

/// <summary>A category of the question bank (题库分类): a tree inside one organization's bank,
/// e.g. 党章党规 / 党史 / 理论 / 业务知识. A rule on a category draws from its subcategories too.</summary>
public sealed class QuestionCategory : IOrgOwned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
}

/// <summary>A question of the bank (题库). An organization's bank is usable by the exams of its whole
/// subtree. Every version of its content is kept (<see cref="QuestionVersion"/>, written by SaveChanges):
/// a paper refers to the version it drew, so an edit never changes a paper already drawn. Retired
/// questions are never drawn again.</summary>
public sealed class Question : IOrgOwned
{
    public int Id { get; set; }
    public QuestionType Type { get; set; }
    public required string Stem { get; set; }

    /// <summary>Choices (single, multiple, true/false) with their correctness; empty for other types.</summary>
    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>Fill-in: the accepted answers of each blank, in order.</summary>
    public List<List<string>> Blanks { get; set; } = [];
    public int CategoryId { get; set; }
    public QuestionCategory Category { get; set; } = null!;

    /// <summary>1 (easiest) to 5.</summary>
    public int Difficulty { get; set; } = 3;
    public decimal Points { get; set; } = 1;
    public string? Explanation { get; set; }
    public bool Retired { get; set; }
    public int Version { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
}

public sealed record QuestionOption(string Text, bool Correct);

/// <summary>One version of a question's content, as papers show and grade it: written once when a question
/// is created and again whenever its type, stem, options, accepted answers or explanation change (the
/// question's <see cref="Question.Version"/> then goes up by one), and never changed afterwards. Reached only
/// through the attempts that drew it, which carry their own scope.</summary>
public sealed class QuestionVersion
{
    public int QuestionId { get; set; }
    public Question Owner { get; set; } = null!;
    public int Version { get; set; }
    public QuestionType Type { get; set; }
    public required string Stem { get; set; }
    public List<QuestionOption> Options { get; set; } = [];
    public List<List<string>> Blanks { get; set; } = [];
    public string? Explanation { get; set; }

    /// <summary>The question's properties that make up a version.</summary>
    public static readonly string[] Content =
    [
        nameof(Question.Type),
        nameof(Question.Stem),
        nameof(Question.Options),
        nameof(Question.Blanks),
        nameof(Question.Explanation),
    ];

    public static QuestionVersion Of(Question q) =>
        new()
        {
            Owner = q,
            QuestionId = q.Id,
            Version = q.Version,
            Type = q.Type,
            Stem = q.Stem,
            Options = [.. q.Options],
            Blanks = [.. q.Blanks.Select(b => b.ToList())],
            Explanation = q.Explanation,
        };
}
