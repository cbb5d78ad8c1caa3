using Hongling.Web.Domain;

namespace Hongling.Web.Features.Lectures;

public static class LectureLabels
{
    public static string Of(LectureTarget t) =>
        t switch
        {
            LectureTarget.Secretaries => "党组织书记培训",
            LectureTarget.NewMembers => "新发展党员培训",
            LectureTarget.Activists => "入党积极分子培训",
            LectureTarget.AllMembers => "党员专题教育讲座",
            _ => "",
        };
}
