using System.Text.RegularExpressions;

namespace Hongling.Web.Domain;

/// <summary>A party organization (党组织). Path is the chain of codes from the root, "/D/T01/B0101/",
/// so a subtree is one indexed prefix query.</summary>
public sealed partial class Organization : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrgKind Kind { get; set; }
    public OrgCategory Category { get; set; }
    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public string Path { get; set; } = "";
    public int Depth { get; set; }
    public DateTime CreatedAt { get; set; }

    // The profile (走进组织).
    /// <summary>Introduction (简介): sanitized HTML, safe to render as is.</summary>
    public string? Introduction { get; set; }
    public string? Address { get; set; }

    /// <summary>The organization's contact phone (an office line or a mobile); not personal data.</summary>
    public string? Phone { get; set; }

    /// <summary>The secretary (书记), a member of this organization's subtree.</summary>
    public int? SecretaryId { get; set; }
    public Member? Secretary { get; set; }
    public DateOnly? FoundedOn { get; set; }

    /// <summary>When and by whom the profile was last maintained (the bulletin's profile maintenance rate).</summary>
    public DateTime? ProfileUpdatedAt { get; set; }
    public string? ProfileUpdatedBy { get; set; }

    /// <summary>Codes are upper-case letters and digits only, so a path never holds LIKE wildcards.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public void PlaceUnder(Organization? parent)
    {
        if (!IsValidCode(Code))
            throw new ArgumentException($"Invalid organization code '{Code}'.");
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Code + "/";
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>Members are kept by branches (党支部); other kinds hold organizations.</summary>
    public bool KeepsMembers => Kind == OrgKind.Branch;

    [GeneratedRegex("^[A-Z0-9]{1,24}$")]
    private static partial Regex CodePattern();
}

public enum OrgKind
{
    Committee = 1,
    WorkingCommittee = 2,
    GeneralBranch = 3,
    Branch = 4,
    Group = 5,
}

public enum OrgCategory
{
    Organ = 1,
    Institution = 2,
    Enterprise = 3,
    NonPublic = 4,
    Village = 5,
    Community = 6,
    School = 7,
    Other = 8,
}
