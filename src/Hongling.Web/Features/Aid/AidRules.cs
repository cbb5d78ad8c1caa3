using Hongling.Web.Domain;

namespace Hongling.Web.Features.Aid;

/// <summary>Which kinds of aid a fund takes, its review steps, and the words the pages show.</summary>
public static class AidRules
{
    public const decimal MaxAmount = 1_000_000m;
    public const int MaxSubsidyMonths = 36;

    public static IReadOnlyList<AidKind> KindsOf(FundKind fund) =>
        fund switch
        {
            FundKind.MutualAid => [AidKind.Emergency, AidKind.LongTerm],
            FundKind.Housing => [AidKind.Housing],
            FundKind.Tuition => [AidKind.Tuition],
            _ => [],
        };

    /// <summary>The fund's review steps in order, always bottom-up (branch, then unit), since each step's reviewers
    /// sit above the previous step's; the fund's own organization always decides last.</summary>
    public static IReadOnlyList<ReviewLevel> Levels(string stored)
    {
        var levels = stored
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<ReviewLevel>(s, out var l) ? l : (ReviewLevel?)null)
            .OfType<ReviewLevel>()
            .Where(l => l != ReviewLevel.Fund)
            .Distinct()
            .Order()
            .ToList();
        levels.Add(ReviewLevel.Fund);
        return levels;
    }

    /// <summary>The steps in words: 支部审核 → 基金管理组织审批.</summary>
    public static string Describe(string stored) => string.Join(" → ", Levels(stored).Select(Of));

    public static string Store(IEnumerable<ReviewLevel> levels) => string.Join(",", Levels(string.Join(",", levels)));

    /// <summary>The path of the organization that decides <paramref name="level"/> for an applicant of
    /// <paramref name="branchPath"/>: the branch, the organization directly beneath the fund's on the way to it, or
    /// the fund's own.</summary>
    public static string ReviewerPath(ReviewLevel level, string fundPath, string branchPath) =>
        level switch
        {
            ReviewLevel.Branch => branchPath,
            ReviewLevel.Unit
                when branchPath.Length > fundPath.Length && branchPath.StartsWith(fundPath, StringComparison.Ordinal) =>
                branchPath[..(branchPath.IndexOf('/', fundPath.Length) + 1)],
            _ => fundPath,
        };

    /// <summary>Whether an amount is a positive number of yuan with at most two decimals, within the limit.</summary>
    public static bool IsYuan(decimal amount) => amount > 0 && amount == Math.Round(amount, 2);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> (yyyyMM), both included.</summary>
    public static IEnumerable<int> Months(int from, int to)
    {
        for (var m = from; m <= to; m = Infrastructure.ChinaTime.NextMonth(m))
            yield return m;
    }

    public static string Of(FundKind k) =>
        k switch
        {
            FundKind.MutualAid => "党员互助金",
            FundKind.Housing => "住房补助",
            FundKind.Tuition => "学历教育补助",
            _ => "",
        };

    public static string Of(AidKind k) =>
        k switch
        {
            AidKind.Emergency => "一次性临时救助",
            AidKind.LongTerm => "长期定期补助",
            AidKind.Tuition => "学历教育补助",
            AidKind.Housing => "购房补助",
            _ => "",
        };

    public static string Of(AidStatus s) =>
        s switch
        {
            AidStatus.InReview => "审核中",
            AidStatus.Returned => "已退回",
            AidStatus.Paying => "按月发放中",
            AidStatus.Paid => "已发放",
            _ => "",
        };

    public static string Of(ReviewLevel l) =>
        l switch
        {
            ReviewLevel.Branch => "支部审核",
            ReviewLevel.Unit => "镇(街道)党委审核",
            ReviewLevel.Fund => "基金管理组织审批",
            _ => "",
        };

    public static string Of(ReviewDecision d) =>
        d switch
        {
            ReviewDecision.Pending => "待审核",
            ReviewDecision.Approved => "同意",
            ReviewDecision.Returned => "退回",
            _ => "",
        };

    public static string Of(FundEntryKind k) =>
        k switch
        {
            FundEntryKind.Deposit => "入账",
            FundEntryKind.Payment => "支出",
            FundEntryKind.Adjustment => "调整",
            _ => "",
        };
}
