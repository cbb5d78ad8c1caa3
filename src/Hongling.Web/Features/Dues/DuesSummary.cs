using Hongling.Web.Data;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Dues;

/// <summary>One month of dues for an organization's subtree: who owes what, who paid, who has not.</summary>
public sealed record DuesSummary(
    int Month,
    int Members,
    int WithStandard,
    int Paid,
    decimal Due,
    decimal Collected,
    IReadOnlyList<DuesSummary.Line> Unpaid,
    IReadOnlyList<DuesSummary.Line> Payments
)
{
    public sealed record Line(
        int MemberId,
        string Name,
        string Branch,
        decimal? Standard,
        decimal? Amount,
        DateOnly? PaidOn,
        string? Method
    );

    public static async Task<DuesSummary> ForAsync(
        HonglingDb db,
        string orgPath,
        int month,
        CancellationToken ct = default
    )
    {
        // Amounts are summed here, not in SQL: SQLite has no decimal arithmetic. The rows are one subtree's members.
        var members = await db
            .AdministeredMembers.InSubtree(orgPath)
            .Select(m => new
            {
                m.Id,
                m.Name,
                Branch = m.Organization.Name,
                m.DuesAmount,
            })
            .ToListAsync(ct);
        var payments = await db
            .DuesPayments.InSubtree(orgPath)
            .Where(p => p.Month == month)
            .Select(p => new
            {
                p.MemberId,
                p.Member.Name,
                Branch = p.Organization.Name,
                p.Amount,
                p.PaidOn,
                p.Method,
            })
            .ToListAsync(ct);
        var paidIds = payments.Select(p => p.MemberId).ToHashSet();
        var withStandard = members.Where(m => m.DuesAmount is not null).ToList();
        return new DuesSummary(
            month,
            members.Count,
            withStandard.Count,
            payments.Count,
            withStandard.Sum(m => m.DuesAmount!.Value),
            payments.Sum(p => p.Amount),
            members
                .Where(m => !paidIds.Contains(m.Id))
                .OrderBy(m => m.Id)
                .Select(m => new Line(m.Id, m.Name, m.Branch, m.DuesAmount, null, null, null))
                .ToList(),
            payments
                .OrderBy(p => p.MemberId)
                .Select(p => new Line(p.MemberId, p.Name, p.Branch, null, p.Amount, p.PaidOn, Labels.Of(p.Method)))
                .ToList()
        );
    }
}
