using Hongling.Web.Domain;

namespace Hongling.Web.Features.Bookings;

/// <summary>The one hook for inbox reminders of bookings. The notifications feature (the inbox and its outbox) is
/// built separately; when it lands, these two methods put a confirmation in the booker's inbox and schedule a
/// reminder before the slot starts (and withdraw it on cancellation). Until then they send nothing: no message is
/// pretended.</summary>
public static class BookingReminders
{
    /// <summary>Called after a booking is saved.</summary>
    public static Task BookedAsync(Booking booking, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called after a booking is cancelled.</summary>
    public static Task CancelledAsync(Booking booking, CancellationToken ct) => Task.CompletedTask;
}
