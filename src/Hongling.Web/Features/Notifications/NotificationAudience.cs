using System.Linq.Expressions;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Hongling.Web.Features.Notifications;

/// <summary>Turns an <see cref="AudienceSpec"/> into one query over the members the caller administers, and its
/// description in words. An organization, exam or member the caller cannot see answers 404.</summary>
public static class NotificationAudience
{
    public const int MaxPicked = 1000;

    public sealed record Resolved(IQueryable<Member> Members, string Description);

    public static async Task<Resolved> ResolveAsync(
        HonglingDb db,
        AudienceSpec spec,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var orgIds = spec.OrgIds.Distinct().ToList();
        var memberIds = spec.MemberIds.Distinct().ToList();
        if (orgIds.Count == 0 && spec.ExamId is null && memberIds.Count == 0)
            throw new RuleException(RuleErrors.NotificationAudienceRequired, "Input.Orgs");
        if (memberIds.Count > MaxPicked)
            throw new RuleException(RuleErrors.NotificationTooManyPicked, "Input.MemberIds");

        var words = new List<string>();
        var sources = new List<Expression<Func<Member, bool>>>();
        var orgs = await db
            .AdministeredOrganizations.Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Name, o.Path })
            .ToListAsync(ct);
        if (orgs.Count != orgIds.Count)
            throw new RuleException(RuleErrors.OrgNotFound, "Input.Orgs");
        foreach (var org in orgs)
        {
            var (path, end) = (org.Path, OrgPaths.End(org.Path));
            sources.Add(
                spec.IncludeSubtrees
                    ? m => string.Compare(m.OrgPath, path) >= 0 && string.Compare(m.OrgPath, end) < 0
                    : m => m.OrgPath == path
            );
        }
        if (orgs.Count > 0)
            words.Add($"组织:{string.Join("、", orgs.Select(o => o.Name))}{(spec.IncludeSubtrees ? "(含下级)" : "")}");

        if (spec.ExamId is { } examId)
        {
            var exam = await db.AdministeredRows<Exam>()
                .Where(e => e.Id == examId)
                .Select(e => new
                {
                    e.Title,
                    e.AudiencePath,
                    e.AudienceIncludesSubtree,
                    e.AudienceStatuses,
                })
                .FirstOrDefaultAsync(ct)
                ?? throw new RuleException(RuleErrors.ExamNotFoundForAudience, "Input.ExamId");
            var (path, sub, statuses) = (exam.AudiencePath, exam.AudienceIncludesSubtree, exam.AudienceStatuses);
            var any = statuses.Count == 0;
            sources.Add(m =>
                (m.OrgPath == path || (sub && m.OrgPath.StartsWith(path))) && (any || statuses.Contains(m.Status))
            );
            words.Add($"考试《{exam.Title}》的考生");
        }

        if (memberIds.Count > 0)
        {
            var found = await db.AdministeredMembers.CountAsync(m => memberIds.Contains(m.Id), ct);
            if (found != memberIds.Count)
                throw new RuleException(RuleErrors.MemberNotFound, "Input.MemberIds");
            sources.Add(m => memberIds.Contains(m.Id));
            words.Add($"指定党员{memberIds.Count}人");
        }

        var members = db.AdministeredMembers.Where(AnyOf(sources));
        if (spec.Statuses.Distinct().ToList() is { Count: > 0 and < 2 } wanted)
        {
            members = members.Where(m => wanted.Contains(m.Status));
            words.Add(string.Join("、", wanted.Select(s => s == MemberStatus.Full ? "正式党员" : "预备党员")));
        }
        if (spec.FloatingOnly)
        {
            members = members.Where(m => m.IsFloating);
            words.Add("流动党员");
        }
        if (spec.NotStudiedThisMonth)
        {
            var month = clock.MonthInChina();
            var first = new DateOnly(month / 100, month % 100, 1);
            var next = first.AddMonths(1);
            members = members.Where(m =>
                !db.StudyDays.Any(d => d.MemberId == m.Id && d.Day >= first && d.Day < next && d.StudyMinutes > 0)
            );
            words.Add("本月未学习");
        }
        return new Resolved(members, string.Join(";", words));
    }

    private static Expression<Func<Member, bool>> AnyOf(List<Expression<Func<Member, bool>>> parts)
    {
        var m = parts[0].Parameters[0];
        var body = parts
            .Skip(1)
            .Aggregate(parts[0].Body, (acc, p) =>
                Expression.OrElse(acc, ReplacingExpressionVisitor.Replace(p.Parameters[0], m, p.Body))
            );
        return Expression.Lambda<Func<Member, bool>>(body, m);
    }
}
