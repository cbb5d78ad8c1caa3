namespace Hongling.Web.Domain;

/// <summary>A remote-education terminal site (远程教育终端站点): a room with a set-top box, a modem and a television
/// (or a computer and projector) where an organization's members watch courseware. It serves one organization
/// (a village, a community, an organ's branch); an organization may have several.</summary>
public sealed class Site : IOrgOwned, IAudited
{
    public const int NameLength = 100,
        CodeLength = 32,
        AddressLength = 200,
        VolunteersLength = 500;

    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The site's code (站点编码), unique in the platform.</summary>
    public string Code { get; set; } = "";

    /// <summary>The organization the site serves.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public SiteKind Kind { get; set; }
    public string? Address { get; set; }

    /// <summary>The building batch (第N批), as Hetang built its 66 sites in four.</summary>
    public int? Batch { get; set; }
    public DateOnly? BuiltOn { get; set; }
    public Broadband Broadband { get; set; }
    public SiteStatus Status { get; set; } = SiteStatus.InUse;

    /// <summary>站点管理员: usually the branch secretary; a member of the organization.</summary>
    public int? AdministratorId { get; set; }
    public Member? Administrator { get; set; }

    /// <summary>操作员: usually a younger committee member; a member of the organization.</summary>
    public int? OperatorId { get; set; }
    public Member? Operator { get; set; }

    /// <summary>Volunteers (志愿者), as free text: names and how to reach them.</summary>
    public string? Volunteers { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Equipment> Equipment { get; set; } = [];
}

/// <summary>The kinds of Xingning's 85 sites (区 2, 镇街 5, 行政村 37, 乡镇社区 3, 城市社区 36, 公交"党员之家" 2),
/// and organs' branches.</summary>
public enum SiteKind
{
    District = 1,
    Town = 2,
    Village = 3,
    TownCommunity = 4,
    UrbanCommunity = 5,
    BusMembersHome = 6,
    Organ = 7,
    Other = 9,
}

public enum Broadband
{
    None = 0,
    Adsl = 1,
    Fibre = 2,
    SatelliteOnly = 3,
}

public enum SiteStatus
{
    InUse = 1,
    Stopped = 2,
}

/// <summary>A piece of a site's equipment (设备). Its state changes are kept in <see cref="History"/>.</summary>
public sealed class Equipment : IOrgOwned, IAudited
{
    public const int ModelLength = 100,
        SerialLength = 100;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;

    /// <summary>The site's organization (kept equal to the site's).</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public EquipmentKind Kind { get; set; }
    public string? Model { get; set; }
    public string? Serial { get; set; }
    public DateOnly? PurchasedOn { get; set; }
    public EquipmentState State { get; set; } = EquipmentState.Normal;
    public List<EquipmentStateChange> History { get; set; } = [];
}

public enum EquipmentKind
{
    SatelliteReceiver = 1,
    SetTopBox = 2,
    Modem = 3,
    Television = 4,
    Computer = 5,
    Projector = 6,
    Other = 9,
}

public enum EquipmentState
{
    Normal = 1,
    Faulty = 2,
    Scrapped = 3,
}

/// <summary>One change of a piece of equipment's state (正常/故障/报废), who made it and why.</summary>
public sealed class EquipmentStateChange : IOrgOwned
{
    public const int NoteLength = 200;

    public int Id { get; set; }
    public int EquipmentId { get; set; }
    public Equipment Equipment { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>Null for the state it was registered with.</summary>
    public EquipmentState? From { get; set; }
    public EquipmentState To { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>A maintenance record (维护记录): the work done on a site and what it cost, in yuan (decimal, never
/// float).</summary>
public sealed class SiteMaintenance : IOrgOwned, IAudited
{
    public const int WorkLength = 500;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Work { get; set; } = "";
    public decimal Cost { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
