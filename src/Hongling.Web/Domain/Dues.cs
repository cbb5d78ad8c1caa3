namespace Hongling.Web.Domain;

/// <summary>One month's party dues (党费) paid by a member. Month is yyyyMM in China Standard Time.</summary>
public sealed class DuesPayment : IOrgOwned, IMemberOwned, IAudited
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;

    /// <summary>The member's branch when the payment was recorded.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int Month { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public PaymentMethod Method { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum PaymentMethod
{
    Cash = 1,
    WeChat = 2,
    Alipay = 3,
    BankTransfer = 4,
    Other = 5,
}

/// <summary>The dues standard: a share of the monthly income base, by the bands of the 2008 rules on
/// party dues (after-tax monthly income up to 3,000: 0.5%; to 5,000: 1%; to 10,000: 1.5%; above: 2%).</summary>
public static class DuesRule
{
    public static decimal MonthlyAmount(decimal incomeBase) =>
        Math.Round(
            incomeBase
                * (
                    incomeBase switch
                    {
                        <= 3000m => 0.005m,
                        <= 5000m => 0.01m,
                        <= 10000m => 0.015m,
                        _ => 0.02m,
                    }
                ),
            2,
            MidpointRounding.AwayFromZero
        );
}
