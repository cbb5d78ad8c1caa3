using Hongling.Web.Domain;

namespace Hongling.Web.Features.Bookings;

/// <summary>The Chinese words for the bookings' enums.</summary>
public static class BookingLabels
{
    public static string Of(BookableKind k) =>
        k switch
        {
            BookableKind.Room => "场地",
            BookableKind.Consultation => "咨询",
            BookableKind.Course => "课程",
            _ => "",
        };

    public static string Of(ConsultationField? f) =>
        f switch
        {
            ConsultationField.Legal => "法律咨询",
            ConsultationField.PartyAffairs => "党务问答",
            ConsultationField.Employment => "就业咨询",
            _ => "",
        };
}
