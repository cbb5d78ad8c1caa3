namespace Hongling.Web.Domain;

/// <summary>What an organization offers for booking (菜单式服务) to the members and branches of its subtree: a room
/// (场地), consultation slots with an expert (咨询) or a course with seats (课程). Its bookable slots come from its
/// opening hours: on the chosen weekdays, from <see cref="OpensAt"/> in steps of <see cref="SlotMinutes"/>, China
/// time. The administrators of its organization are its provider: they see each day's list and record
/// no-shows.</summary>
public sealed class BookableResource : IPublishedToMembers
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>Always the organization's own path: its subtree books it.</summary>
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; } = true;
    public BookableKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";

    /// <summary>The expert who consults (or the course's teacher); empty for a room.</summary>
    public string? Expert { get; set; }
    public ConsultationField? Field { get; set; }

    /// <summary>A room: the most people in it; a course: its seats per session; a consultation: one.</summary>
    public int Capacity { get; set; }

    /// <summary>Opening weekdays as bits, Monday = 1 up to Sunday = 64.</summary>
    public int Weekdays { get; set; }
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
    public int SlotMinutes { get; set; }

    /// <summary>First and last bookable day (China time); open-ended when empty.</summary>
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }

    /// <summary>Cancelling is allowed until this many hours before the slot starts.</summary>
    public int CancelHoursBefore { get; set; }

    /// <summary>No longer offered: not bookable, its bookings kept.</summary>
    public bool Retired { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>How many bookings one slot takes: a course seats one per booking, a room or an expert takes
    /// one.</summary>
    public int SeatsPerSlot => Kind == BookableKind.Course ? Capacity : 1;
}

public enum BookableKind
{
    Room = 1,
    Consultation = 2,
    Course = 3,
}

public enum ConsultationField
{
    Legal = 1,
    PartyAffairs = 2,
    Employment = 3,
}

/// <summary>One booking of one slot (预约). It belongs to the booker's branch: a member books for themselves, or a
/// branch's administrator books for the branch with one of its members as the contact. Every live booking holds one
/// seat of its slot, and a unique index over (resource, start, seat) among live bookings is what refuses a double
/// booking, whatever the timing of the requests.</summary>
public sealed class Booking : IOrgOwned, IMemberCreated
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public BookableResource Resource { get; set; } = null!;
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>1..SeatsPerSlot; unique per slot among live bookings.</summary>
    public int Seat { get; set; }

    /// <summary>How many people come (a room's booking); 1 otherwise.</summary>
    public int People { get; set; } = 1;

    /// <summary>The member who booked, or the branch's contact for a branch booking.</summary>
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";
    public bool ForBranch { get; set; }
    public string? Note { get; set; }
    public DateTime BookedAt { get; set; }
    public string BookedBy { get; set; } = "";

    [MemberSets]
    public DateTime? CancelledAt { get; set; }

    /// <summary>Recorded by the provider after the slot began: the booker did not come.</summary>
    public DateTime? NoShowAt { get; set; }
}
