namespace Hongling.Web.Infrastructure.Rules;

/// <summary>Member services (党员服务): bookings and volunteer service.</summary>
public static partial class RuleErrors
{
    // ---- Bookings (预约) -----------------------------------------------------------------------------------------
    public static readonly RuleError BookingNotFound = new(
        "booking_not_found",
        "没有找到该预约,或它不在您的范围内",
        404
    );
    public static readonly RuleError BookingResourceRetired = new("booking_resource_retired", "该项目已停止预约", 409);
    public static readonly RuleError BookingInPast = new("booking_in_past", "不能预约已经开始或已经过去的时段");

    public static RuleError BookingTooFarAhead(int days) => new("booking_too_far_ahead", $"最多只能提前 {days} 天预约");

    public static RuleError BookingOutsideOpeningHours(string hours) =>
        new("booking_outside_opening_hours", $"该时段不在开放时间内(开放时间:{hours})");

    public static RuleError BookingOverCapacity(int capacity) =>
        new("booking_over_capacity", $"人数超过场地容量,最多 {capacity} 人");

    public static readonly RuleError BookingPeopleRequired = new(
        "booking_people_required",
        "请填写使用人数(至少 1 人)"
    );
    public static readonly RuleError BookingSlotTaken = new("booking_slot_taken", "该时段已被预约,请选择其他时段", 409);
    public static readonly RuleError BookingCourseFull = new(
        "booking_course_full",
        "该课程本期座位已满,请选择其他时间",
        409
    );
    public static readonly RuleError BookingAlreadyYours = new("booking_already_yours", "您已预约了该时段", 409);
    public static readonly RuleError BookingContactRequired = new(
        "booking_contact_required",
        "请选择本支部的一名联系人"
    );
    public static readonly RuleError BookingAlreadyCancelled = new("booking_already_cancelled", "该预约已经取消", 409);

    public static RuleError BookingCancelDeadlinePassed(int hours) =>
        new("booking_cancel_deadline_passed", $"已过取消截止时间(开始前 {hours} 小时),不能再取消", 409);

    public static readonly RuleError BookingNoShowTooEarly = new(
        "booking_no_show_too_early",
        "预约时段开始后才能登记未到",
        409
    );

    // ---- Volunteer service (志愿服务) ------------------------------------------------------------------------------
    public static readonly RuleError VolunteerProjectFull = new(
        "volunteer_project_full",
        "该志愿服务项目报名人数已满",
        409
    );
    public static readonly RuleError VolunteerProjectEnded = new(
        "volunteer_project_ended",
        "该志愿服务项目已经结束,不能再报名",
        409
    );
    public static readonly RuleError VolunteerAlreadySignedUp = new(
        "volunteer_already_signed_up",
        "您已报名该项目",
        409
    );
    public static readonly RuleError VolunteerHoursTooEarly = new(
        "volunteer_hours_too_early",
        "项目开始后才能确认服务时长",
        409
    );

    public static RuleError VolunteerHoursInvalid(decimal max) =>
        new("volunteer_hours_invalid", $"服务时长应为 0.5 到 {max:0.#} 小时之间、以半小时计的数");
}
