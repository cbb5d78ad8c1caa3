namespace Hongling.Web.Features.Bookings;

/// <summary>Registers the bookings feature's services: its one line in Program.cs.</summary>
public static class BookingsSetup
{
    public static IServiceCollection AddBookings(this IServiceCollection services) => services.AddScoped<BookingDesk>();
}
