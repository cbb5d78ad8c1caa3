using Hongling.Web.Domain;

namespace Hongling.Web.Data;

/// <summary>A little organization life for the demo district, so that the website and the monthly counts
/// are not empty: work updates, notices, submissions (some adopted into columns) and answered public
/// messages, spread over the last weeks. About a hundred rows; the caller saves them.</summary>
public static class DemoOrgLife
{
    private static readonly string[] Columns = ["不忘初心 牢记使命", "基层党建", "学习园地"];
    internal static readonly string[] UpdateTitles =
    [
        "召开党员大会学习贯彻全会精神",
        "开展“主题党日”志愿服务活动",
        "组织党员到红色教育基地参观学习",
        "召开专题组织生活会",
        "开展党员先锋岗评比",
        "走访慰问困难党员和老党员",
    ];
    internal static readonly string[] NewsTitles =
    [
        "我{0}扎实推进基层党组织标准化建设",
        "{0}党员志愿服务队助力秋收",
        "{0}创新“院坝会”议事机制",
        "{0}开展远程教育“送学上门”",
    ];
    private static readonly (string Ask, string Reply)[] Questions =
    [
        (
            "在外务工,怎样参加支部的组织生活?",
            "可以通过平台参加线上学习,也可以把组织关系转到务工地,或在流入地参加流动党员党支部的活动。"
        ),
        ("党费可以线上缴纳吗?", "可以,支部会公布缴纳方式,也可以在每月主题党日现场缴纳。"),
        ("想递交入党申请书,应该交给谁?", "请交给您工作或居住所在地的党支部,支部会在一个月内派人与您谈话。"),
        ("村里的党员活动室周末开放吗?", "周六上午开放,欢迎前来阅读和参加活动。"),
    ];

    public static void Add(HonglingDb db, IReadOnlyList<Organization> orgs, DateTime now)
    {
        var rng = new Random(20261129);
        var units = orgs.Where(o => o.Depth == 1).ToList();
        var branches = orgs.Where(o => o.KeepsMembers).ToList();
        DateTime DaysAgo(double days) => now.AddDays(-days).AddMinutes(-rng.Next(0, 600));
        string Para(string text) => $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>";

        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            db.WorkUpdates.Add(
                new WorkUpdate
                {
                    OrganizationId = unit.Id,
                    Kind = WorkUpdateKind.Original,
                    Title = unit.Name + UpdateTitles[i % UpdateTitles.Length],
                    Body = Para($"近日,{unit.Name}组织全体党员集中学习,交流体会,明确下一步工作安排。"),
                    Column = i % 3 == 0 ? Columns[i % Columns.Length] : null,
                    PublishedAt = DaysAgo(i * 1.5),
                    PublishedBy = "演示管理员",
                }
            );
            db.Notices.Add(
                new Notice
                {
                    OrganizationId = unit.Id,
                    AudiencePath = unit.Path,
                    AudienceIncludesSubtree = true,
                    Title = $"关于{now.AddHours(8).Month}月主题党日安排的通知",
                    Body = Para("请各支部按时组织党员参加主题党日活动,做好签到和记录。"),
                    PublishedAt = DaysAgo(i + 1),
                    PublishedBy = "演示管理员",
                }
            );
            for (var k = 0; k < 3; k++)
            {
                var submitted = DaysAgo(3 + k * 9 + i);
                var adopted = k < 2 || i % 2 == 0;
                db.Submissions.Add(
                    new Submission
                    {
                        OrganizationId = unit.Id,
                        Title = string.Format(
                            NewsTitles[(i + k) % NewsTitles.Length],
                            unit.Name.Replace("党委", "").Replace("党工委", "")
                        ),
                        Body = Para(
                            "该单位坚持把党的建设贯穿工作全过程,党员先锋模范作用得到充分发挥,群众满意度明显提升。"
                        ),
                        Author = "通讯员",
                        Column = adopted && k == 0 ? Columns[(i + 1) % Columns.Length] : null,
                        SubmittedAt = submitted,
                        SubmittedBy = "演示管理员",
                        State = adopted ? SubmissionState.Adopted : SubmissionState.Submitted,
                        DecidedAt = adopted ? submitted.AddHours(20) : null,
                        DecidedBy = adopted ? "区委组织部" : null,
                    }
                );
            }
        }
        foreach (var (branch, i) in branches.Where((_, i) => i % 6 == 0).Select((b, i) => (b, i)))
        {
            db.WorkUpdates.Add(
                new WorkUpdate
                {
                    OrganizationId = branch.Id,
                    Kind = i % 4 == 1 ? WorkUpdateKind.Forward : WorkUpdateKind.Original,
                    Source = i % 4 == 1 ? "共产党员网" : null,
                    Title = UpdateTitles[(i + 2) % UpdateTitles.Length],
                    Body = Para($"{branch.Name}全体党员参加,大家纷纷表示要立足岗位作贡献。"),
                    PublishedAt = DaysAgo(i * 0.7),
                    PublishedBy = "演示管理员",
                }
            );
            var (ask, reply) = Questions[i % Questions.Length];
            var posted = DaysAgo(2 + i);
            var answered = i % 3 != 2;
            var seconds = rng.Next(1800, (int)Math.Min(3 * 86400, (now - posted).TotalSeconds));
            db.Messages.Add(
                new Message
                {
                    OrganizationId = branch.Id,
                    AuthorName = "群众" + "赵钱孙李周吴郑王"[i % 8],
                    Body = ask,
                    IsPublic = true,
                    PostedAt = posted,
                    State = answered ? MessageState.Answered : MessageState.Unanswered,
                    Reply = answered ? reply : null,
                    RepliedAt = answered ? posted.AddSeconds(seconds) : null,
                    ResponseSeconds = answered ? seconds : null,
                    RepliedBy = answered ? "支部管理员" : null,
                }
            );
        }
    }
}
