using Hongling.Web.Domain;
using Hongling.Web.Features.Exams;

namespace Hongling.Tests.Features.Exams;

/// <summary>Automatic grading of every question type, as documented on Grading.</summary>
public sealed class GradingTests
{
    private static readonly FrozenOption[] Choice =
    [
        new("k1", "甲", true),
        new("k2", "乙", true),
        new("k3", "丙", true),
        new("k4", "丁", false),
    ];

    private static decimal? Score(
        QuestionType type,
        decimal points,
        IReadOnlyList<FrozenOption> options,
        List<List<string>> blanks,
        params string[] answer
    ) => Grading.Score(type, points, options, blanks, answer);

    [Fact]
    public void SingleAndTrueFalse_RightKeyFullPoints_OtherwiseZero()
    {
        FrozenOption[] single = [new("a", "对", true), new("b", "错", false)];
        Assert.Equal(2m, Score(QuestionType.Single, 2, single, [], "a"));
        Assert.Equal(0m, Score(QuestionType.Single, 2, single, [], "b"));
        Assert.Equal(0m, Score(QuestionType.Single, 2, single, []));
        Assert.Equal(0m, Score(QuestionType.Single, 2, single, [], "a", "b"));
        Assert.Equal(1m, Score(QuestionType.TrueFalse, 1, single, [], "a"));
    }

    [Fact]
    public void Multiple_AllRightFull_SubsetProportional_AnyWrongZero()
    {
        Assert.Equal(3m, Score(QuestionType.Multiple, 3, Choice, [], "k1", "k2", "k3"));
        Assert.Equal(2m, Score(QuestionType.Multiple, 3, Choice, [], "k1", "k3")); // 2 of 3 correct: 3 × 2/3 = 2
        Assert.Equal(1m, Score(QuestionType.Multiple, 3, Choice, [], "k2")); // 1 of 3: 1
        Assert.Equal(1m, Score(QuestionType.Multiple, 4, Choice, [], "k2")); // 4 × 1/3 = 1.33, down to half points: 1
        Assert.Equal(2.5m, Score(QuestionType.Multiple, 4, Choice, [], "k1", "k2")); // 4 × 2/3 = 2.67: 2.5
        Assert.Equal(0m, Score(QuestionType.Multiple, 3, Choice, [], "k1", "k2", "k4")); // a wrong option: nothing
        Assert.Equal(0m, Score(QuestionType.Multiple, 3, Choice, [], "k1", "k2", "k3", "k4"));
        Assert.Equal(0m, Score(QuestionType.Multiple, 3, Choice, []));
    }

    [Fact]
    public void FillIn_IgnoresSpacesCaseAndFullWidth_EachBlankItsShare()
    {
        List<List<string>> blanks =
        [
            ["ABC", "中国共产党"],
            ["1921"],
        ];
        Assert.Equal(4m, Score(QuestionType.FillIn, 4, [], blanks, "  ａｂｃ ", "１９２１")); // full-width letters and digits
        Assert.Equal(4m, Score(QuestionType.FillIn, 4, [], blanks, "中国共产党", "1921　")); // full-width space
        Assert.Equal(2m, Score(QuestionType.FillIn, 4, [], blanks, "中国共产党", "1922"));
        Assert.Equal(0m, Score(QuestionType.FillIn, 4, [], blanks, "1921", "ABC")); // blanks are ordered
        Assert.Equal(2m, Score(QuestionType.FillIn, 4, [], blanks, "abc"));
    }

    [Fact]
    public void ShortAnswer_WaitsForAHuman()
    {
        Assert.Null(Score(QuestionType.ShortAnswer, 10, [], [], "一段论述"));
    }
}
