namespace Hongling.Web.Domain;

/// <summary>A volunteer service project (党员志愿服务项目) organized by an organization for the members of its
/// subtree, who sign up; its administrators confirm each volunteer's hours afterwards.</summary>
public sealed class VolunteerProject : IPublishedToMembers
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public string Title { get; set; } = "";
    public string Place { get; set; } = "";
    public string? Description { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>The most volunteers wanted; no limit when empty.</summary>
    public int? Capacity { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A member's sign-up for a project (报名) and, once the organizer confirms it, their service hours. It
/// belongs to the member's branch, so the organizer (an administrator above it) sees and confirms it. In a project
/// with a limit every live sign-up holds a numbered place (1..Capacity), unique among live sign-ups: two members
/// taking the last place at the same moment collide in the database, and only one gets it.</summary>
public sealed class VolunteerSignUp : IOrgOwned, IMemberCreated
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public VolunteerProject Project { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    [MemberSets]
    public DateTime SignedUpAt { get; set; }

    [MemberSets]
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>The place held (1..Capacity) in a project with a limit; empty when the project has none. The member
    /// sets it when they sign up again after withdrawing.</summary>
    [MemberSets]
    public int? Place { get; set; }

    /// <summary>Hours confirmed by the organizer (decimal, halves of an hour).</summary>
    public decimal? Hours { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
}
