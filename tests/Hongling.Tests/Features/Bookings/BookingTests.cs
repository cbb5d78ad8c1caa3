using System.Net;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Bookings;

/// <summary>Bookings (预约): the calendar, booking, double bookings, bad input, cancellation, no-shows, the day list
/// and the scope.</summary>
public sealed partial class BookingTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Town(Organization Org, Organization Branch, HttpClient Provider);

    private async Task<Town> TownAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return new Town(town, branch, await app.SignInAsAdministratorOfAsync(town));
    }

    /// <summary>A resource of the town, open every day 08:00–20:00 in hour slots.</summary>
    private Task<BookableResource> ResourceAsync(
        Organization town,
        BookableKind kind = BookableKind.Room,
        int capacity = 20,
        int cancelHours = 24
    ) =>
        app.WithDbAsync(async db =>
        {
            var r = new BookableResource
            {
                OrganizationId = town.Id,
                AudiencePath = town.Path,
                Kind = kind,
                Name = kind switch
                {
                    BookableKind.Room => "党员学习室",
                    BookableKind.Course => "党务知识培训班",
                    _ => "法律咨询",
                },
                Place = "党员服务中心二楼",
                Expert = kind == BookableKind.Consultation ? "王律师" : null,
                Field = kind == BookableKind.Consultation ? ConsultationField.Legal : null,
                Capacity = capacity,
                Weekdays = 127,
                OpensAt = new TimeOnly(8, 0),
                ClosesAt = new TimeOnly(20, 0),
                SlotMinutes = 60,
                CancelHoursBefore = cancelHours,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.BookableResources.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

    /// <summary>The slot key (China time) of <paramref name="hour"/>:00 on the day <paramref name="days"/> from
    /// today.</summary>
    private string SlotKey(int days, int hour, int minute = 0) =>
        app.Clock.TodayInChina().AddDays(days).ToDateTime(new TimeOnly(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm");

    private DateTime SlotUtc(int days, int hour) =>
        DateTime.SpecifyKind(
            app.Clock.TodayInChina().AddDays(days).ToDateTime(new TimeOnly(hour, 0)) - ChinaTime.Offset,
            DateTimeKind.Utc
        );

    private static Task<HttpResponseMessage> BookAsync(
        HttpClient client,
        int resourceId,
        string slot,
        int people = 1,
        int? contact = null
    )
    {
        var fields = new Dictionary<string, string> { ["Slot"] = slot, ["People"] = people.ToString() };
        if (contact is { } c)
            fields["Contact"] = c.ToString();
        return TestApp.PostFormAsync(client, $"/Bookings/Calendar/{resourceId}", fields);
    }

    private Task<int> LiveBookingsAsync(int resourceId) =>
        app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == resourceId && b.CancelledAt == null));

    [Fact]
    public async Task Book_FreeSlot_AnotherMemberSeesItTaken_AndIsRefused()
    {
        var t = await TownAsync("预约");
        var room = await ResourceAsync(t.Org);
        var (a, aClient) = await app.SignInAsMemberAsync(t.Branch, "甲预约");
        var (_, bClient) = await app.SignInAsMemberAsync(t.Branch, "乙预约");
        var slot = SlotKey(1, 10);

        var offers = await aClient.GetDocumentAsync("/Bookings/Offers");
        Assert.Contains("党员学习室", offers.TextOf(".offer"));
        var before = await bClient.GetDocumentAsync($"/Bookings/Calendar/{room.Id}");
        Assert.Contains("slot-free", before.One($"[data-slot='{slot}']").ClassName);

        var response = await BookAsync(aClient, room.Id, slot, people: 12);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.ResourceId == room.Id));
        Assert.Equal(
            (a.Id, t.Branch.Id, 12, SlotUtc(1, 10)),
            (
                stored.MemberId,
                stored.OrganizationId,
                stored.People,
                DateTime.SpecifyKind(stored.StartsAt, DateTimeKind.Utc)
            )
        );

        var mine = await aClient.GetDocumentAsync($"/Bookings/Calendar/{room.Id}");
        Assert.Contains("slot-mine", mine.One($"[data-slot='{slot}']").ClassName);
        var other = await bClient.GetDocumentAsync($"/Bookings/Calendar/{room.Id}");
        Assert.Contains("slot-taken", other.One($"[data-slot='{slot}']").ClassName);
        Assert.Contains("已约满", other.TextOf($"[data-slot='{slot}']"));

        var refused = await BookAsync(bClient, room.Id, slot);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该时段已被预约", (await Html.ParseAsync(refused)).TextOf("#error"));
        Assert.Equal(1, await LiveBookingsAsync(room.Id));
    }

    [Fact]
    public async Task Book_SameSlotAtTheSameMoment_ExactlyOneWins()
    {
        var t = await TownAsync("并发");
        var room = await ResourceAsync(t.Org);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
            clients.Add((await app.SignInAsMemberAsync(t.Branch, $"并发{i}")).Client);
        for (var round = 0; round < 5; round++)
        {
            var slot = SlotKey(2, 8 + round);
            // Tokens first, so that the posts themselves leave together.
            var forms = new List<FormUrlEncodedContent>();
            foreach (var c in clients)
                forms.Add(
                    new FormUrlEncodedContent(
                        new Dictionary<string, string>
                        {
                            ["Slot"] = slot,
                            ["People"] = "3",
                            ["__RequestVerificationToken"] = await TestApp.TokenAsync(
                                c,
                                $"/Bookings/Calendar/{room.Id}"
                            ),
                        }
                    )
                );
            var answers = await Task.WhenAll(
                clients.Select((c, i) => c.PostAsync($"/Bookings/Calendar/{room.Id}", forms[i]))
            );
            Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
            Assert.Equal(3, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
            foreach (var lost in answers.Where(r => r.StatusCode == HttpStatusCode.OK))
                Assert.Contains("该时段已被预约", await lost.Content.ReadAsStringAsync());
        }
        Assert.Equal(5, await LiveBookingsAsync(room.Id));
    }

    [Fact]
    public async Task Course_SeatsFillUp_ConcurrentBookingsTakeExactlyTheSeats()
    {
        var t = await TownAsync("课程");
        var course = await ResourceAsync(t.Org, BookableKind.Course, capacity: 3);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
            clients.Add((await app.SignInAsMemberAsync(t.Branch, $"学员{i}")).Client);
        var slot = SlotKey(3, 14);
        var forms = new List<FormUrlEncodedContent>();
        foreach (var c in clients)
            forms.Add(
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["Slot"] = slot,
                        ["__RequestVerificationToken"] = await TestApp.TokenAsync(c, $"/Bookings/Calendar/{course.Id}"),
                    }
                )
            );
        var answers = await Task.WhenAll(
            clients.Select((c, i) => c.PostAsync($"/Bookings/Calendar/{course.Id}", forms[i]))
        );
        Assert.Equal(3, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var lost in answers.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("该课程本期座位已满", await lost.Content.ReadAsStringAsync());
        var seats = await app.WithDbAsync(db =>
            db.Bookings.Where(b => b.ResourceId == course.Id).Select(b => b.Seat).ToListAsync()
        );
        Assert.Equal([1, 2, 3], seats.Order());
        // The same member cannot take a second seat of the slot.
        var again = await BookAsync(clients[0], course.Id, slot);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task UniqueIndex_RefusesASecondLiveBookingOfOneSeat_ButNotACancelledOne()
    {
        var t = await TownAsync("唯一");
        var room = await ResourceAsync(t.Org);
        var a = await app.AddMemberAsync(t.Branch, "甲唯一");
        var b = await app.AddMemberAsync(t.Branch, "乙唯一");
        var start = SlotUtc(4, 9);
        Booking New(Member m) =>
            new()
            {
                ResourceId = room.Id,
                StartsAt = start,
                EndsAt = start.AddHours(1),
                Seat = 1,
                MemberId = m.Id,
                OrganizationId = t.Branch.Id,
                BookedAt = start.AddDays(-1),
                BookedBy = "测试",
            };
        var first = New(a);
        await app.WithDbAsync(async db =>
        {
            db.Bookings.Add(first);
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            app.WithDbAsync(async db =>
            {
                db.Bookings.Add(New(b));
                return await db.SaveChangesAsync();
            })
        );
        await app.WithDbAsync(async db =>
        {
            var row = await db.Bookings.SingleAsync(x => x.Id == first.Id);
            row.CancelledAt = start.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            db.Bookings.Add(New(b));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await LiveBookingsAsync(room.Id));
    }
}
