using Hongling.Web.Infrastructure.Rules;

namespace Hongling.Web.Domain;

/// <summary>An organizational relationship transfer (组织关系转接) of a member between two organizations
/// of the platform. Both sides see it: the sending side through OrgPath, the receiving side through
/// SharedPath. Every step is timestamped and attributed; Version guards against two decisions at once.</summary>
public sealed class Transfer : IScopedByPath, ISharedWithPath, IAudited
{
    public int Id { get; set; }
    public TransferKind Kind { get; set; } = TransferKind.Within;
    public int MemberId { get; set; }
    public string MemberName { get; set; } = "";

    /// <summary>Null when the member comes from outside the platform (FromName is then free text).</summary>
    public int? FromOrganizationId { get; set; }
    public string FromName { get; set; } = "";

    /// <summary>Null when the member leaves the platform (ToName is then free text).</summary>
    public int? ToOrganizationId { get; set; }
    public string ToName { get; set; } = "";

    /// <summary>The sending organization's path.</summary>
    public string OrgPath { get; set; } = "";

    /// <summary>The receiving organization's path.</summary>
    public string SharedPath { get; set; } = "";

    /// <summary>Introduction letter number (介绍信编号), given when the transfer starts.</summary>
    public string LetterNumber { get; set; } = "";
    public string? Note { get; set; }
    public TransferState State { get; set; }
    public string? RejectReason { get; set; }
    public DateTime StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public int Version { get; set; }

    /// <summary>Moves the transfer out of Pending; refuses any other starting state (a RuleException).</summary>
    public void Decide(TransferState outcome, string actor, DateTime at, string? reason = null)
    {
        if (State != TransferState.Pending)
            throw new RuleException(
                State switch
                {
                    TransferState.Accepted => RuleErrors.TransferAccepted,
                    TransferState.Rejected => RuleErrors.TransferRejected,
                    TransferState.Cancelled => RuleErrors.TransferCancelled,
                    _ => RuleErrors.TransferDecided,
                }
            );
        State = outcome;
        RejectReason = reason;
        DecidedAt = at;
        DecidedBy = actor;
        Version++;
    }
}

/// <summary>Within the platform (both sides here), out of it (转出, to an organization elsewhere), or into it
/// (转入, from an organization elsewhere). For Out and In both paths are the one side's own.</summary>
public enum TransferKind
{
    Within = 1,
    Out = 2,
    In = 3,
}

public enum TransferState
{
    Pending = 1,
    Accepted = 2,
    Rejected = 3,
    Cancelled = 4,
}
