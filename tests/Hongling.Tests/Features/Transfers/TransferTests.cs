using System.Net;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Transfers;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Transfers;

public sealed class TransferTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Sides(
        HttpClient Sender,
        HttpClient Receiver,
        Organization From,
        Organization To,
        Member Member,
        string ReceiverCard
    );

    private async Task<Sides> SidesAsync()
    {
        var (_, from) = await app.AddTownAsync("转出镇");
        var (_, to) = await app.AddTownAsync("转入镇");
        var member = await app.AddMemberAsync(from, "转接人");
        var receiverCard = TestApp.NewCard();
        return new Sides(
            await app.SignInAsAdministratorOfAsync(from),
            await app.SignInAsNewAccountAsync(receiverCard, administers: [to]),
            from,
            to,
            member,
            receiverCard
        );
    }

    private static async Task<int> StartAsync(HttpClient sender, Member member, string toCode)
    {
        var response = await TestApp.PostFormAsync(
            sender,
            $"/Transfers/Start/{member.Id}",
            new Dictionary<string, string> { ["ToCode"] = toCode, ["Note"] = "工作调动" }
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await LatestIdAsync(sender);
    }

    private static async Task<int> LatestIdAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Transfers");
        return int.Parse(page.LinkHrefs("#transfers a[href^='/Transfers/Letter/']")[0]["/Transfers/Letter/".Length..]);
    }

    private static Task<HttpResponseMessage> ActAsync(
        HttpClient client,
        string handler,
        int id,
        Dictionary<string, string>? fields = null
    ) => TestApp.PostFormAsync(client, "/Transfers", fields ?? [], $"/Transfers?handler={handler}&id={id}");

    private Task<Member> MemberAsync(int id) =>
        app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Accept_MovesTheMember_KeepsBothSidesInTheHistory_AndASecondAcceptIsRefused()
    {
        var s = await SidesAsync();
        var id = await StartAsync(s.Sender, s.Member, s.To.Code.ToLowerInvariant());
        var incoming = await s.Receiver.GetStringAsync("/Transfers");
        Assert.Contains("转接人", incoming);
        Assert.Contains("待接收", incoming);
        var letter = await s.Receiver.GetStringAsync($"/Transfers/Letter/{id}");
        Assert.Contains("中国共产党党员组织关系介绍信", letter);
        Assert.Contains(s.Member.IdNumberMasked, letter);

        Assert.Contains(
            "只有接收组织的管理员可以接收或退回",
            await (await ActAsync(s.Sender, "Accept", id)).Content.ReadAsStringAsync()
        );
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(s.Receiver, "Accept", id)).StatusCode);

        var moved = await MemberAsync(s.Member.Id);
        Assert.Equal(s.To.Id, moved.OrganizationId);
        Assert.Equal(s.To.Path, moved.OrgPath);
        Assert.Equal(HttpStatusCode.OK, (await s.Receiver.GetAsync($"/Members/Detail/{s.Member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Sender.GetAsync($"/Members/Detail/{s.Member.Id}")).StatusCode);
        // Both sides still see the finished transfer.
        Assert.Contains("已接收", await s.Sender.GetStringAsync("/Transfers"));
        Assert.Contains("已接收", await s.Receiver.GetStringAsync("/Transfers"));
        Assert.Contains(
            "该转接已被接收,不能重复处理",
            await (await ActAsync(s.Receiver, "Accept", id)).Content.ReadAsStringAsync()
        );

        var audit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == "Member" && a.EntityId == s.Member.Id.ToString()).ToListAsync()
        );
        var move = Assert.Single(audit);
        Assert.Contains(s.ReceiverCard, move.ActorName);
        Assert.Contains("OrganizationId", move.Changes);
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndLeavesTheMemberWhereTheyAre()
    {
        var s = await SidesAsync();
        var id = await StartAsync(s.Sender, s.Member, s.To.Code);
        Assert.Contains(
            "请填写退回原因",
            await (await ActAsync(s.Receiver, "Reject", id, new() { ["reason"] = " " })).Content.ReadAsStringAsync()
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await ActAsync(s.Receiver, "Reject", id, new() { ["reason"] = "查无此人" })).StatusCode
        );
        Assert.Equal(s.From.Id, (await MemberAsync(s.Member.Id)).OrganizationId);
        Assert.Contains("退回原因:查无此人", await s.Sender.GetStringAsync("/Transfers"));
        // A new transfer may start once the old one is closed.
        await StartAsync(s.Sender, s.Member, s.To.Code);
    }

    [Fact]
    public async Task Cancelled_CannotBeAccepted_AndOnlyTheSenderCancels()
    {
        var s = await SidesAsync();
        var id = await StartAsync(s.Sender, s.Member, s.To.Code);
        Assert.Contains(
            "只有转出组织的管理员可以撤销",
            await (await ActAsync(s.Receiver, "Cancel", id)).Content.ReadAsStringAsync()
        );
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(s.Sender, "Cancel", id)).StatusCode);
        Assert.Contains("该转接已被撤销", await (await ActAsync(s.Receiver, "Accept", id)).Content.ReadAsStringAsync());
        Assert.Equal(s.From.Id, (await MemberAsync(s.Member.Id)).OrganizationId);
    }

    [Fact]
    public async Task Start_BadDestinations_AreRefusedWithAMessage()
    {
        var s = await SidesAsync();
        async Task<string> Try(string code) =>
            await (
                await TestApp.PostFormAsync(
                    s.Sender,
                    $"/Transfers/Start/{s.Member.Id}",
                    new Dictionary<string, string> { ["ToCode"] = code }
                )
            ).Content.ReadAsStringAsync();
        Assert.Contains("请填写接收党支部的组织编码", await Try(""));
        Assert.Contains("没有这个组织编码", await Try("NOSUCHCODE"));
        Assert.Contains("只能转入党支部", await Try(s.To.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^2]));
        Assert.Contains("接收组织与党员所在组织相同", await Try(s.From.Code));
        await StartAsync(s.Sender, s.Member, s.To.Code);
        Assert.Contains("该党员已有一笔待接收的转接", await Try(s.To.Code));
    }

    [Fact]
    public async Task ThirdAdministrator_SeesAndDoesNothing_404()
    {
        var s = await SidesAsync();
        var id = await StartAsync(s.Sender, s.Member, s.To.Code);
        var (_, other) = await app.AddTownAsync("旁观镇");
        var third = await app.SignInAsAdministratorOfAsync(other);
        Assert.DoesNotContain("转接人", await third.GetStringAsync("/Transfers"));
        Assert.Equal(HttpStatusCode.NotFound, (await third.GetAsync($"/Transfers/Letter/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(third, "Accept", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(third, "Cancel", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await third.GetAsync($"/Transfers/Start/{s.Member.Id}")).StatusCode);
        Assert.Equal(s.From.Id, (await MemberAsync(s.Member.Id)).OrganizationId);
    }

    [Fact]
    public async Task TwoReceiversAcceptAtOnce_OneWins()
    {
        var s = await SidesAsync();
        var id = await StartAsync(s.Sender, s.Member, s.To.Code);
        var (desk1, db1, scope1) = Desk(s.To);
        var (desk2, db2, scope2) = Desk(s.To);
        // Both load the pending transfer before either decides: the version check makes the later save fail.
        var t1 = await db1.Transfers.SingleAsync(t => t.Id == id);
        var t2 = await db2.Transfers.SingleAsync(t => t.Id == id);
        t1.Decide(TransferState.Accepted, "甲", DateTime.UtcNow);
        t2.Decide(TransferState.Rejected, "乙", DateTime.UtcNow, "冲突");
        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        scope1.Dispose();
        scope2.Dispose();

        // And through the desk, at the same moment: exactly one acceptance.
        var again = await StartAsync(s.Sender, await app.AddMemberAsync(s.From, "并发人"), s.To.Code);
        var (d1, _, sc1) = Desk(s.To);
        var (d2, _, sc2) = Desk(s.To);
        var results = await Task.WhenAll(Try(d1.AcceptAsync(again)), Try(d2.AcceptAsync(again)));
        Assert.Equal(1, results.Count(ok => ok));
        sc1.Dispose();
        sc2.Dispose();
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(a =>
                    a.EntityType == "Transfer" && a.EntityId == again.ToString() && a.Action == AuditAction.Updated
                )
            )
        );
    }

    private static async Task<bool> Try(Task accept)
    {
        try
        {
            await accept;
            return true;
        }
        catch (RuleException)
        {
            return false;
        }
    }

    private (TransferDesk Desk, HonglingDb Db, IServiceScope Scope) Desk(Organization administered)
    {
        var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([administered.Path], null, null, "test", "测试");
        return (
            scope.ServiceProvider.GetRequiredService<TransferDesk>(),
            scope.ServiceProvider.GetRequiredService<HonglingDb>(),
            scope
        );
    }
}
