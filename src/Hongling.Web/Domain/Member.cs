namespace Hongling.Web.Domain;

/// <summary>A party member (党员). The national ID number is never stored in clear:
/// a ciphertext, a keyed hash for uniqueness and lookup, and the masked form for lists.</summary>
public sealed class Member : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public DateOnly BirthDate { get; set; }
    public byte[] IdNumberCipher { get; set; } = [];
    public string IdNumberHash { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";

    /// <summary>Last four characters of the ID number, for the "ID tail" search.</summary>
    public string IdNumberTail { get; set; } = "";
    public string Mobile { get; set; } = "";
    public Education Education { get; set; }

    // The rest of the member information set (党员信息采集); optional, counted by completeness.
    /// <summary>Native place (籍贯).</summary>
    public string? NativePlace { get; set; }
    public Degree? Degree { get; set; }

    /// <summary>Occupation (工作岗位).</summary>
    public string? Occupation { get; set; }
    public string? WorkUnit { get; set; }

    /// <summary>Position held at the work unit (职务).</summary>
    public string? Position { get; set; }
    public string? HomeAddress { get; set; }

    /// <summary>Date of joining the party (入党日期); for a probationary member, the admission date.</summary>
    public DateOnly JoinedOn { get; set; }

    /// <summary>Date of becoming a full member (转正日期).</summary>
    public DateOnly? FullMemberOn { get; set; }
    public MemberStatus Status { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public bool IsFloating { get; set; }

    /// <summary>For a floating member (流动党员): out of this branch (流出) or into it from elsewhere (流入).</summary>
    public FloatingDirection? FloatingDirection { get; set; }

    /// <summary>Where to (流出) or where from (流入).</summary>
    public string? FloatingPlace { get; set; }
    public string? FloatingContact { get; set; }
    public DateOnly? FloatingSince { get; set; }

    /// <summary>Monthly income base for the dues standard (党费基数); null until entered.</summary>
    public decimal? DuesBase { get; set; }

    /// <summary>Monthly dues standard (党费标准); null until entered.</summary>
    public decimal? DuesAmount { get; set; }

    /// <summary>Red ID card number (红色身份证), set when a card is issued; the account's user name.</summary>
    public string? CardNumber { get; set; }

    /// <summary>When the photo (MemberPhoto) was last uploaded; null without a photo.</summary>
    public DateTime? PhotoUpdatedAt { get; set; }

    /// <summary>Set when the member's relationship left the platform (转出); such a record is kept for
    /// history but no query sees it any more (a query filter).</summary>
    public DateOnly? LeftOn { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the member's information was last updated (the bulletin's update rate).</summary>
    public DateTime UpdatedAt { get; set; }
}

public enum Degree
{
    Bachelor = 1,
    Master = 2,
    Doctor = 3,
}

public enum FloatingDirection
{
    Out = 1,
    In = 2,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

public enum MemberStatus
{
    Full = 1,
    Probationary = 2,
}

public enum Education
{
    Postgraduate = 1,
    Bachelor = 2,
    College = 3,
    Secondary = 4,
    HighSchool = 5,
    MiddleSchoolOrBelow = 6,
}
