namespace Hongling.Web.Domain;

/// <summary>A message (留言) to an organization from a signed-in member or from a visitor of the website,
/// and the organization's reply. Plain text only: it is never rendered as HTML. Not in the audit log: a
/// visitor has no account to log, and the row itself keeps who replied and when.</summary>
public sealed class Message : IOrgOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The member who wrote it; null for a visitor without an account.</summary>
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>A visitor's optional phone; shown masked.</summary>
    public string? ContactPhone { get; set; }
    public string Body { get; set; } = "";

    /// <summary>The writer agrees to show it (and its reply, once answered) on the public message board.</summary>
    public bool IsPublic { get; set; }
    public DateTime PostedAt { get; set; }
    public MessageState State { get; set; }
    public string? Reply { get; set; }
    public DateTime? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    public MessageRating? Rating { get; set; }
    public DateTime? RatedAt { get; set; }

    /// <summary>Reply time minus posted time in seconds, kept at the first reply so that averages are a
    /// plain AVG in the database on every provider.</summary>
    public int? ResponseSeconds { get; set; }

    public void ReplyWith(string reply, string by, DateTime now)
    {
        Reply = reply;
        RepliedBy = by;
        if (RepliedAt is null)
        {
            RepliedAt = now;
            ResponseSeconds = (int)Math.Max(0, (now - PostedAt).TotalSeconds);
        }
        State = MessageState.Answered;
    }
}

public enum MessageState
{
    Unanswered = 1,
    Answered = 2,
    Closed = 3,
}

public enum MessageRating
{
    Satisfied = 1,
    Unsatisfied = 2,
}
