using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Exams;

/// <summary>Which bank an exam draws from: the banks of the exam's organization and of its ancestors
/// (a district bank serves every exam in the district). The administrator of a branch cannot list the
/// district's bank, but their exams may draw from it; so these reads look past the scope filter by the
/// one explicit rule "the bank's organization is the exam's or above it".</summary>
public static class QuestionBank
{
    public static IQueryable<Question> UsableFor(HonglingDb db, string examOrgPath) =>
        db.QuestionsOfBanksAbove(examOrgPath);

    public static IQueryable<QuestionCategory> CategoriesFor(HonglingDb db, string orgPath) =>
        db.CategoriesOfBanksAbove(orgPath);

    /// <summary>The category and every category beneath it.</summary>
    public static HashSet<int> WithDescendants(IReadOnlyList<QuestionCategory> all, int id)
    {
        var set = new HashSet<int> { id };
        for (var grew = true; grew; )
        {
            grew = false;
            foreach (var c in all)
                if (c.ParentId is { } p && set.Contains(p) && set.Add(c.Id))
                    grew = true;
        }
        return set;
    }

    /// <summary>"分类 / 子分类" for display.</summary>
    public static string PathName(IReadOnlyList<QuestionCategory> all, int id)
    {
        var names = new List<string>();
        for (
            var c = all.FirstOrDefault(x => x.Id == id);
            c is not null;
            c = all.FirstOrDefault(x => x.Id == c.ParentId)
        )
            names.Insert(0, c.Name);
        return string.Join(" / ", names);
    }
}
