using System.Net;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Bookings;

public sealed partial class BookingTests
{
    [Theory]
    [InlineData(-1, 10, 0, 1, "不能预约已经开始或已经过去的时段")]
    [InlineData(1, 7, 0, 1, "该时段不在开放时间内")]
    [InlineData(1, 20, 0, 1, "该时段不在开放时间内")]
    [InlineData(1, 10, 30, 1, "该时段不在开放时间内")]
    [InlineData(1, 10, 0, 21, "人数超过场地容量,最多 20 人")]
    [InlineData(1, 10, 0, 0, "请填写使用人数")]
    [InlineData(90, 10, 0, 1, "最多只能提前 60 天预约")]
    public async Task Book_BadInput_ClearMessage_NothingSaved(
        int days,
        int hour,
        int minute,
        int people,
        string message
    )
    {
        var t = await TownAsync("错误" + days + hour + minute + people);
        var room = await ResourceAsync(t.Org);
        var (_, client) = await app.SignInAsMemberAsync(t.Branch, "错误预约");
        var response = await BookAsync(client, room.Id, SlotKey(days, hour, minute), people);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).TextOf("#error"));
        Assert.Equal(0, await LiveBookingsAsync(room.Id));
    }

    [Fact]
    public async Task Cancel_BeforeDeadline_FreesTheSlot_AfterDeadline_Refused()
    {
        var t = await TownAsync("取消");
        var room = await ResourceAsync(t.Org, cancelHours: 48);
        var (a, aClient) = await app.SignInAsMemberAsync(t.Branch, "甲取消");
        var (_, bClient) = await app.SignInAsMemberAsync(t.Branch, "乙取消");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(aClient, room.Id, SlotKey(5, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(aClient, room.Id, SlotKey(1, 9))).StatusCode);
        var ids = await app.WithDbAsync(db =>
            db.Bookings.Where(b => b.MemberId == a.Id).OrderBy(b => b.StartsAt).Select(b => b.Id).ToListAsync()
        );

        // Tomorrow's slot is less than 48 hours away: past its deadline.
        var late = await TestApp.PostFormAsync(
            aClient,
            "/Bookings/Mine",
            new Dictionary<string, string> { ["bookingId"] = ids[0].ToString() },
            "/Bookings/Mine?handler=Cancel"
        );
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("已过取消截止时间(开始前 48 小时)", (await Html.ParseAsync(late)).TextOf("#error"));

        // Another member cannot cancel it either: not theirs.
        var foreign = await TestApp.PostFormAsync(
            bClient,
            "/Bookings/Mine",
            new Dictionary<string, string> { ["bookingId"] = ids[1].ToString() },
            "/Bookings/Mine?handler=Cancel"
        );
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var ok = await TestApp.PostFormAsync(
            aClient,
            "/Bookings/Mine",
            new Dictionary<string, string> { ["bookingId"] = ids[1].ToString() },
            "/Bookings/Mine?handler=Cancel"
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(bClient, room.Id, SlotKey(5, 9))).StatusCode);
        Assert.Equal(2, await LiveBookingsAsync(room.Id));
    }

    [Fact]
    public async Task DayList_ShowsTheProvidersBookings_Printable_NoShowAfterTheStartOnly()
    {
        var t = await TownAsync("名单");
        var room = await ResourceAsync(t.Org);
        var (a, aClient) = await app.SignInAsMemberAsync(t.Branch, "甲名单");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(aClient, room.Id, SlotKey(1, 9))).StatusCode);
        // A booking of a slot that has begun, as if made earlier.
        var began = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var past = await app.WithDbAsync(async db =>
        {
            var b = new Booking
            {
                ResourceId = room.Id,
                StartsAt = began,
                EndsAt = began.AddHours(1),
                Seat = 1,
                MemberId = a.Id,
                OrganizationId = t.Branch.Id,
                BookedAt = began.AddDays(-1),
                BookedBy = "甲名单",
            };
            db.Bookings.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var tomorrow = app.Clock.TodayInChina().AddDays(1).ToString("yyyy-MM-dd");
        var list = await t.Provider.GetDocumentAsync($"/Bookings/Day?org={t.Org.Id}&date={tomorrow}");
        var rows = list.TableRows("#day-bookings");
        Assert.Single(rows);
        Assert.Equal(["09:00–10:00", "党员学习室", "甲名单", t.Branch.Name, "1", ""], rows[0][..6]);
        Assert.NotNull(list.QuerySelector("button[data-print]"));
        var future = await app.WithDbAsync(db =>
            db.Bookings.SingleAsync(b => b.ResourceId == room.Id && b.Id != past.Id)
        );

        var early = await TestApp.PostFormAsync(
            t.Provider,
            $"/Bookings/Day?org={t.Org.Id}&date={tomorrow}",
            new Dictionary<string, string> { ["bookingId"] = future.Id.ToString(), ["noShow"] = "true" },
            $"/Bookings/Day?org={t.Org.Id}&date={tomorrow}&handler=NoShow"
        );
        Assert.Contains("预约时段开始后才能登记未到", (await Html.ParseAsync(early)).TextOf("#error"));
        var day = DateOnly.FromDateTime(began.ToChina()).ToString("yyyy-MM-dd");
        var marked = await TestApp.PostFormAsync(
            t.Provider,
            $"/Bookings/Day?org={t.Org.Id}&date={day}",
            new Dictionary<string, string> { ["bookingId"] = past.Id.ToString(), ["noShow"] = "true" },
            $"/Bookings/Day?org={t.Org.Id}&date={day}&handler=NoShow"
        );
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.NotNull(
            await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == past.Id).Select(b => b.NoShowAt).SingleAsync())
        );
        Assert.Null(
            await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == future.Id).Select(b => b.NoShowAt).SingleAsync())
        );
    }

    [Fact]
    public async Task BranchBooking_ByAnAdministrator_WithAContactMember()
    {
        var t = await TownAsync("代约");
        var room = await ResourceAsync(t.Org);
        var (contact, contactClient) = await app.SignInAsMemberAsync(t.Branch, "联系人");
        var branchAdmin = await app.SignInAsAdministratorOfAsync(t.Branch);
        var response = await BookAsync(branchAdmin, room.Id, SlotKey(2, 15), people: 18, contact: contact.Id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.ResourceId == room.Id));
        Assert.True(stored.ForBranch);
        Assert.Equal((contact.Id, t.Branch.Id), (stored.MemberId, stored.OrganizationId));
        var mine = await contactClient.GetDocumentAsync("/Bookings/Mine");
        Assert.Contains(t.Branch.Name + "预约", mine.TextOf("#upcoming"));
        // An administrator without a member record must name a contact.
        var noContact = await BookAsync(branchAdmin, room.Id, SlotKey(2, 16));
        Assert.Contains("请选择本支部的一名联系人", (await Html.ParseAsync(noContact)).TextOf("#error"));
    }

    [Fact]
    public async Task Scope_ResourcesAndBookingsOutsideTheSubtree_Answer404_MembersSeeOnlyTheirOwn()
    {
        var a = await TownAsync("范围甲");
        var b = await TownAsync("范围乙");
        var room = await ResourceAsync(a.Org);
        var (aMember, aClient) = await app.SignInAsMemberAsync(a.Branch, "甲范围");
        var (_, a2Client) = await app.SignInAsMemberAsync(a.Branch, "甲二范围");
        var (bMember, bClient) = await app.SignInAsMemberAsync(b.Branch, "乙范围");
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(aClient, room.Id, SlotKey(1, 11))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Provider.GetAsync($"/Bookings/Calendar/{room.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Provider.GetAsync($"/Bookings/Edit/{room.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Provider.GetAsync($"/Bookings/Day?org={a.Org.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/Bookings/Calendar/{room.Id}")).StatusCode);
        Assert.DoesNotContain("党员学习室", await bClient.GetStringAsync("/Bookings/Offers"));
        // A contact from another town is not the caller's to name.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await BookAsync(a.Provider, room.Id, SlotKey(1, 12), contact: bMember.Id)).StatusCode
        );

        Assert.Contains("党员学习室", (await aClient.GetDocumentAsync("/Bookings/Mine")).TextOf("#upcoming"));
        Assert.DoesNotContain(
            "党员学习室",
            (await a2Client.GetDocumentAsync("/Bookings/Mine")).One("#upcoming").Text()
        );
        using (var scope = app.Services.CreateScope())
        {
            // The member-scoped view of the table holds only the member's own bookings: none of town A's.
            var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
            db.Scope.Load([], bMember.Id, b.Branch.Path);
            Assert.Equal(0, await db.Bookings.CountAsync());
            db.Scope.Load([], aMember.Id, a.Branch.Path);
            Assert.Equal(1, await db.Bookings.CountAsync());
        }
        Assert.Equal(
            0,
            await b
                .Provider.GetDocumentAsync(
                    $"/Bookings/Day?org={b.Org.Id}&date={app.Clock.TodayInChina().AddDays(1):yyyy-MM-dd}"
                )
                .ContinueWith(d => d.Result.QuerySelectorAll("#day-bookings tr[data-booking]").Length)
        );
        Assert.Equal(
            aMember.Id,
            await app.WithDbAsync(db =>
                db.Bookings.Where(x => x.ResourceId == room.Id).Select(x => x.MemberId).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Provider_OffersARoomThroughTheForm_BadInputRefused()
    {
        var t = await TownAsync("发布");
        var bad = await TestApp.PostFormAsync(
            t.Provider,
            $"/Bookings/Edit?org={t.Org.Id}",
            new Dictionary<string, string>
            {
                ["Input.OrganizationId"] = t.Org.Id.ToString(),
                ["Input.Kind"] = "Consultation",
                ["Input.Name"] = "法律咨询",
                ["Input.Place"] = "服务中心",
                ["Input.OpensAt"] = "17:00",
                ["Input.ClosesAt"] = "09:00",
                ["Input.SlotMinutes"] = "30",
                ["Input.CancelHoursBefore"] = "24",
            }
        );
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("咨询请填写专家姓名", html);
        Assert.Contains("请选择咨询类别", html);
        Assert.Contains("请至少选择一个开放日", html);
        Assert.Contains("结束时间应晚于开始时间", html);
        var ok = await TestApp.PostFormAsync(
            t.Provider,
            $"/Bookings/Edit?org={t.Org.Id}",
            new Dictionary<string, string>
            {
                ["Input.OrganizationId"] = t.Org.Id.ToString(),
                ["Input.Kind"] = "Room",
                ["Input.Name"] = "党员活动室",
                ["Input.Place"] = "服务中心一楼",
                ["Input.Capacity"] = "30",
                ["Input.Days"] = "5",
                ["Input.OpensAt"] = "09:00",
                ["Input.ClosesAt"] = "12:00",
                ["Input.SlotMinutes"] = "90",
                ["Input.CancelHoursBefore"] = "24",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var r = await app.WithDbAsync(db => db.BookableResources.SingleAsync(x => x.OrganizationId == t.Org.Id));
        Assert.Equal((BookableKind.Room, 30, 1 << 5, t.Org.Path), (r.Kind, r.Capacity, r.Weekdays, r.AudiencePath));
        Assert.Contains(
            "周六 09:00–12:00,每 90 分钟一个时段",
            (await t.Provider.GetDocumentAsync($"/Bookings?org={t.Org.Id}")).TextOf("#resources")
        );
    }
}
