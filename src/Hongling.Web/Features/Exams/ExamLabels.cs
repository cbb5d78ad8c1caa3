using Hongling.Web.Domain;

namespace Hongling.Web.Features.Exams;

public static class ExamLabels
{
    public static string Of(QuestionType t) =>
        t switch
        {
            QuestionType.Single => "单选题",
            QuestionType.Multiple => "多选题",
            QuestionType.TrueFalse => "判断题",
            QuestionType.FillIn => "填空题",
            QuestionType.ShortAnswer => "简答题",
            _ => "",
        };

    public static string Of(ShowAnswers s) =>
        s switch
        {
            ShowAnswers.Never => "不公布",
            ShowAnswers.AfterSubmission => "交卷后公布",
            ShowAnswers.AfterClose => "考试结束后公布",
            _ => "",
        };

    public static string Of(AttemptState s) =>
        s switch
        {
            AttemptState.InProgress => "答题中",
            AttemptState.AwaitingReview => "待阅卷",
            AttemptState.Graded => "已评分",
            _ => "",
        };
}
