namespace Hongling.Web.Domain;

/// <summary>A fund (基金: 党员互助金, 住房补助, 学历教育补助) held by an organization for the members of its subtree.
/// Its balance is the sum of its ledger rows (<see cref="FundEntry"/>): every deposit, payment and adjustment is a
/// row, written in the same transaction that changes <see cref="Balance"/>. Published to the subtree's members, who
/// apply to it; the review steps (<see cref="ReviewLevels"/>) are set per fund and always end at the fund
/// itself.</summary>
public sealed class Fund : IPublishedToMembers, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>Always the organization's own path: members of its subtree apply to the fund.</summary>
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public string Name { get; set; } = "";
    public FundKind Kind { get; set; }
    public decimal Balance { get; set; }

    /// <summary>The number of ledger rows, the last row's sequence number; a concurrency token, so that two
    /// postings to one fund at the same moment cannot both read the same balance.</summary>
    public int EntryCount { get; set; }

    /// <summary>Tuition aid (学历教育补助) as a share of the fee on the receipt, in percent (the seed's 10%).</summary>
    public decimal? TuitionPercent { get; set; }

    /// <summary>The review steps in order, comma-separated <see cref="ReviewLevel"/> names, ending with Fund.</summary>
    public string ReviewLevels { get; set; } = nameof(ReviewLevel.Fund);
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public enum FundKind
{
    MutualAid = 1,
    Housing = 2,
    Tuition = 3,
}

/// <summary>Whose administrators decide a review step: the applicant's branch, the unit (the organization directly
/// beneath the fund's, on the way to the branch: a town committee under a district fund), the fund's
/// organization.</summary>
public enum ReviewLevel
{
    Branch = 1,
    Unit = 2,
    Fund = 3,
}

/// <summary>One ledger row (台账) of a fund: a signed amount in yuan (deposits positive, payments negative), the
/// balance after it and its sequence number in the fund (unique), so the ledger reads as a running account. A
/// payment of an application names it and the month it pays (yyyyMM, unique per application: no month twice).</summary>
public sealed class FundEntry : IOrgOwned
{
    public long Id { get; set; }
    public int FundId { get; set; }
    public Fund Fund { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public int Sequence { get; set; }
    public FundEntryKind Kind { get; set; }
    public decimal Amount { get; set; }
    public decimal BalanceAfter { get; set; }
    public int? ApplicationId { get; set; }
    public AidApplication? Application { get; set; }
    public int? VisitId { get; set; }
    public int? PaymentMonth { get; set; }
    public string Note { get; set; } = "";
    public DateTime At { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum FundEntryKind
{
    Deposit = 1,
    Payment = 2,
    Adjustment = 3,
}

/// <summary>An application for aid (帮扶救助申请) by a member, or by their branch for them. It belongs to the
/// member's branch (whose administrators and those above see it) and the member reads it. Its review steps are
/// copied from the fund when it is filed, each with the organization whose administrators decide it.</summary>
public sealed class AidApplication : IOrgOwned, IMemberCreated, IAudited
{
    public int Id { get; set; }
    public int FundId { get; set; }
    public Fund Fund { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public AidKind Kind { get; set; }

    /// <summary>The amount asked, in yuan; for a long-term subsidy, per month.</summary>
    public decimal AmountAsked { get; set; }

    /// <summary>Tuition aid: the fee on the uploaded receipt, of which the fund pays its percentage.</summary>
    public decimal? FeeAmount { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>A long-term subsidy's first and last month (yyyyMM, China time).</summary>
    public int? FromMonth { get; set; }
    public int? ToMonth { get; set; }
    public AidStatus Status { get; set; }

    /// <summary>The review step now waiting (1-based); past the last once decided.</summary>
    public int Step { get; set; } = 1;

    /// <summary>The path of the organization whose administrators decide the waiting step: the reviewers'
    /// queue.</summary>
    public string? ReviewerPath { get; set; }
    public decimal? ApprovedAmount { get; set; }
    public string? ReturnReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedByAccountId { get; set; } = "";
    public List<AidReview> Reviews { get; set; } = [];
    public List<AidAttachment> Attachments { get; set; } = [];
}

public enum AidKind
{
    Emergency = 1,
    LongTerm = 2,
    Tuition = 3,
    Housing = 4,
}

public enum AidStatus
{
    InReview = 1,
    Returned = 2,
    Paying = 3,
    Paid = 4,
}

public enum ReviewDecision
{
    Pending = 0,
    Approved = 1,
    Returned = 2,
}

/// <summary>One review step of an application: who decides it (the organization's path), and the decision.
/// Read and written only through its application.</summary>
public sealed class AidReview
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Order { get; set; }
    public ReviewLevel Level { get; set; }
    public int ReviewerOrgId { get; set; }
    public string ReviewerPath { get; set; } = "";
    public ReviewDecision Decision { get; set; }
    public decimal? Amount { get; set; }
    public string? Comment { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByAccountId { get; set; }
    public DateTime? DecidedAt { get; set; }
}

/// <summary>A supporting document of an application (a fee receipt, a certificate): a PDF, or a JPEG/PNG image
/// re-encoded without metadata. Read only through its application.</summary>
public sealed class AidAttachment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>A visit (走访慰问) to a member: when, who went, what was given; a cash gift from a fund is also a
/// payment row of its ledger. Belongs to the member's branch; the member reads their own.</summary>
public sealed class Visit : IOrgOwned, IMemberOwned, IAudited
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DateOnly On { get; set; }
    public string Visitors { get; set; } = "";
    public string Given { get; set; } = "";
    public decimal? Cash { get; set; }
    public int? FundId { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
