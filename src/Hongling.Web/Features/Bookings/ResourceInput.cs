using Hongling.Web.Domain;

namespace Hongling.Web.Features.Bookings;

/// <summary>The form of a bookable resource, with its checks in Chinese.</summary>
public sealed class ResourceInput
{
    public int OrganizationId { get; set; }
    public BookableKind Kind { get; set; } = BookableKind.Room;
    public string? Name { get; set; }
    public string? Place { get; set; }
    public string? Expert { get; set; }
    public ConsultationField? Field { get; set; }
    public int Capacity { get; set; } = 20;

    /// <summary>Weekday indexes 0 (Monday) to 6 (Sunday).</summary>
    /// <summary>Empty unless posted (an unchecked list posts nothing); a new form starts with Monday to
    /// Friday.</summary>
    public List<int> Days { get; set; } = [];
    public TimeOnly OpensAt { get; set; } = new(9, 0);
    public TimeOnly ClosesAt { get; set; } = new(17, 0);
    public int SlotMinutes { get; set; } = 60;
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public int CancelHoursBefore { get; set; } = 24;
    public bool Retired { get; set; }

    public IEnumerable<(string Field, string Message)> Check()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
            yield return (nameof(Name), "请填写名称(不超过100字)");
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > 200)
            yield return (nameof(Place), "请填写地点(不超过200字)");
        if (Expert?.Trim().Length > 100)
            yield return (nameof(Expert), "专家或讲师姓名不超过100字");
        if (Kind == BookableKind.Consultation && string.IsNullOrWhiteSpace(Expert))
            yield return (nameof(Expert), "咨询请填写专家姓名");
        if (Kind == BookableKind.Consultation && Field is null)
            yield return (nameof(Field), "请选择咨询类别");
        if (!Enum.IsDefined(Kind))
            yield return (nameof(Kind), "请选择类别");
        if (Kind != BookableKind.Consultation && Capacity is < 1 or > 10000)
            yield return (
                nameof(Capacity),
                Kind == BookableKind.Room ? "场地容量应为 1 到 10000 人" : "课程座位数应为 1 到 10000"
            );
        if (Days.Count == 0 || Days.Any(d => d is < 0 or > 6))
            yield return (nameof(Days), "请至少选择一个开放日");
        if (SlotMinutes is < 10 or > 720)
            yield return (nameof(SlotMinutes), "每个时段应为 10 到 720 分钟");
        else if (ClosesAt <= OpensAt || (ClosesAt - OpensAt).TotalMinutes < SlotMinutes)
            yield return (nameof(ClosesAt), "结束时间应晚于开始时间,且至少能排下一个时段");
        if (AvailableFrom is { } f && AvailableUntil is { } u && u < f)
            yield return (nameof(AvailableUntil), "截止日期不能早于起始日期");
        if (CancelHoursBefore is < 0 or > 720)
            yield return (nameof(CancelHoursBefore), "取消截止应为开始前 0 到 720 小时");
    }

    public int WeekdayBits => Days.Distinct().Where(d => d is >= 0 and <= 6).Sum(d => 1 << d);

    public void ApplyTo(BookableResource r)
    {
        r.Kind = Kind;
        r.Name = Name!.Trim();
        r.Place = Place!.Trim();
        r.Expert = string.IsNullOrWhiteSpace(Expert) ? null : Expert.Trim();
        r.Field = Kind == BookableKind.Consultation ? Field : null;
        r.Capacity = Kind == BookableKind.Consultation ? 1 : Capacity;
        r.Weekdays = WeekdayBits;
        (r.OpensAt, r.ClosesAt, r.SlotMinutes) = (OpensAt, ClosesAt, SlotMinutes);
        (r.AvailableFrom, r.AvailableUntil) = (AvailableFrom, AvailableUntil);
        r.CancelHoursBefore = CancelHoursBefore;
        r.Retired = Retired;
    }

    public static ResourceInput From(BookableResource r) =>
        new()
        {
            OrganizationId = r.OrganizationId,
            Kind = r.Kind,
            Name = r.Name,
            Place = r.Place,
            Expert = r.Expert,
            Field = r.Field,
            Capacity = r.Capacity,
            Days = [.. Enumerable.Range(0, 7).Where(i => (r.Weekdays & (1 << i)) != 0)],
            OpensAt = r.OpensAt,
            ClosesAt = r.ClosesAt,
            SlotMinutes = r.SlotMinutes,
            AvailableFrom = r.AvailableFrom,
            AvailableUntil = r.AvailableUntil,
            CancelHoursBefore = r.CancelHoursBefore,
            Retired = r.Retired,
        };
}
