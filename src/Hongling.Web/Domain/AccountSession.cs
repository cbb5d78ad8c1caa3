namespace Hongling.Web.Domain;

/// <summary>One signed-in browser or phone (a server-side session). The sign-in cookie carries only this
/// row's id, sealed by Data Protection; the signed-in identity (the authentication ticket) stays here, so
/// deleting the row ends the session at once on every instance. A session belongs to its account, not to
/// an organization: only the account itself reads its sessions (HonglingDb's account filter).</summary>
public sealed class AccountSession
{
    /// <summary>32 random hex digits, the key the cookie carries. Never shown on a page (see <see
    /// cref="Handle"/>).</summary>
    public string Id { get; set; } = "";
    public required string AccountId { get; set; }

    /// <summary>The authentication ticket (claims and properties) as ASP.NET Core's TicketSerializer writes
    /// it.</summary>
    public byte[] Ticket { get; set; } = [];

    /// <summary>The sign-in time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The last request seen (UTC), written at most about once a minute.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When the session ends unless seen again (UTC): the idle limit after <see cref="LastSeenAt"/>,
    /// for administrators also capped at the absolute limit after <see cref="CreatedAt"/>.</summary>
    public DateTime ExpiresAt { get; set; }
    public string? UserAgent { get; set; }
    public string? RemoteIp { get; set; }

    public const int UserAgentLength = 400;

    /// <summary>What a page shows and posts to name a session: a digest of the id, never the id itself.</summary>
    public static string Handle(string id) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(id)))[
            ..20
        ];
}
