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
    public DateOnly JoinedOn { get; set; }
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
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum FloatingDirection { Out = 1, In = 2 }

public enum Gender { Male = 1, Female = 2 }

public enum MemberStatus { Full = 1, Probationary = 2 }

public enum Education { Postgraduate = 1, Bachelor = 2, College = 3, Secondary = 4, HighSchool = 5, MiddleSchoolOrBelow = 6 }
