namespace Hongling.Web.Domain;

/// <summary>A site's reporting device (终端): the PC running the terminal agent. It authenticates with a device
/// key shown once when issued; only its SHA-256 hash is kept (<see cref="KeyHash"/>), so issuing a new key makes
/// the old one stop at once, and revoking sets <see cref="RevokedAt"/>. Its records form a hash chain whose
/// last accepted link is <see cref="ChainHead"/>.
/// <para>Pings, reports and the chain head are written with single UPDATE statements (not tracked saves), so
/// that a terminal's traffic does not fill the audit log; issuing and revoking keys are audited.</para></summary>
public sealed class Terminal : IOrgOwned, IAudited
{
    public const int NameLength = 100,
        HashLength = 64,
        HintLength = 8;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the current key; unique.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The key's last characters, so that an administrator can tell which key a device holds.</summary>
    public string KeyHint { get; set; } = "";
    public DateTime KeyIssuedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastPingAt { get; set; }
    public DateTime? LastReportAt { get; set; }

    /// <summary>The hash of the last record accepted into the chain (null before the first).</summary>
    public string? ChainHead { get; set; }

    /// <summary>The sequence number of that record (0 before the first).</summary>
    public long ChainSeq { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One viewing session at a site (收看记录): from start to end, which courseware, how many attended.
/// Reported by a terminal (idempotent by its <see cref="ClientId"/>, chained by <see cref="PrevHash"/> and
/// <see cref="Hash"/>) or entered by hand (<see cref="Manual"/>, 手工录入, no chain). Flags never exclude a
/// session from anything by themselves: the monthly figures count a month's sessions that were not
/// <see cref="Late"/>, taking the union of their intervals so that overlaps count once.</summary>
public sealed class ViewingSession : IOrgOwned
{
    public const int ClientIdLength = 64,
        CoursewareLength = 200,
        BreakLength = 200;

    public long Id { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;

    /// <summary>Null for a session entered by hand.</summary>
    public int? TerminalId { get; set; }
    public Terminal? Terminal { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The id the terminal generated (unique per terminal); a new GUID for a manual entry.</summary>
    public string ClientId { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime EndedAt { get; set; }

    /// <summary>yyyyMM of <see cref="StartedAt"/> in China time: the month the session counts in.</summary>
    public int Month { get; set; }
    public string Courseware { get; set; } = "";
    public int? AttendeeCount { get; set; }

    /// <summary>Red-card numbers of attendees, when the terminal read them.</summary>
    public List<string> AttendeeCards { get; set; } = [];
    public bool Manual { get; set; }

    /// <summary>Who entered a manual session (the operator or administrator's name).</summary>
    public string? EnteredBy { get; set; }

    /// <summary>The record's position in its terminal's chain (null for manual entries).</summary>
    public long? ChainSeq { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }

    /// <summary>Why the chain breaks at this record (a gap, an earlier record edited or deleted), or null.</summary>
    public string? ChainBreak { get; set; }

    /// <summary>Overlaps another session of the same terminal (kept, flagged, counted once).</summary>
    public bool Overlapping { get; set; }

    /// <summary>Arrived after its month was closed: kept and shown, not counted in that month's figures.</summary>
    public bool Late { get; set; }
    public DateTime ReceivedAt { get; set; }
}
