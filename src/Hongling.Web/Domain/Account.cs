using Microsoft.AspNetCore.Identity;

namespace Hongling.Web.Domain;

/// <summary>A sign-in account. UserName is the red ID card number.</summary>
public sealed class Account : IdentityUser
{
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public string DisplayName { get; set; } = "";
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>长辈模式: large type, higher contrast, big buttons; kept on the account so it follows the member to
    /// every device they sign in on.</summary>
    public bool ElderlyMode { get; set; }
}

/// <summary>An account administering one organization's subtree (管理员).</summary>
public sealed class OrgAdministrator : IOrgOwned
{
    public int Id { get; set; }
    public required string AccountId { get; set; }
    public Account? Account { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>A backup administrator (后备管理员): same rights, listed apart, so that someone can step in.</summary>
    public bool IsBackup { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One sign-in attempt, kept for the login-rate statistics and for audit.</summary>
public sealed class SignInRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string CardNumber { get; set; } = "";
    public string? AccountId { get; set; }

    /// <summary>The member the account belonged to at the attempt (null for an account without a member record):
    /// the members' usage rate counts the members who signed in.</summary>
    public int? MemberId { get; set; }

    /// <summary>That member's branch path at the attempt: a sign-in counts for the organization the member
    /// belonged to then, not where they are later (the bulletin's member sign-ins, 人次). Not rewritten when
    /// an organization moves: it records where the sign-in happened.</summary>
    public string? OrgPath { get; set; }
    public bool Succeeded { get; set; }
    public SignInFailure? Failure { get; set; }
    public string? RemoteIp { get; set; }
}

public enum SignInFailure
{
    UnknownCard = 1,
    WrongPassword = 2,
    LockedOut = 3,
    NotAllowed = 4,
}

public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
}
