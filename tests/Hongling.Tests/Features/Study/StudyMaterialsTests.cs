using System.Net;
using System.Net.Http.Headers;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Features.Study;

/// <summary>Publishing materials (admin) and reading them (members), with the scope around both.</summary>
public sealed class StudyMaterialsTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(Organization Town, Organization Branch, HttpClient Admin)> TownAsync(string name)
    {
        var (town, branch) = await app.AddTownAsync(name);
        return (town, branch, await app.SignInAsAdministratorOfAsync(town));
    }

    private static Task<HttpResponseMessage> PublishAsync(
        HttpClient admin,
        Organization audience,
        string title,
        MaterialKind kind,
        string? body = null,
        byte[]? file = null,
        string fileName = "file.bin",
        int? id = null
    ) => PublishToAsync(admin, [audience], title, kind, body, file, fileName, id);

    private static async Task<HttpResponseMessage> PublishToAsync(
        HttpClient admin,
        Organization[] audiences,
        string title,
        MaterialKind kind,
        string? body = null,
        byte[]? file = null,
        string fileName = "file.bin",
        int? id = null
    )
    {
        var url = "/Study/MaterialEdit" + (id is null ? "" : "/" + id);
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TestApp.TokenAsync(admin, url)), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(nameof(MaterialColumn.KnowledgeBase)), "Input.Column" },
            { new StringContent(kind.ToString()), "Input.Kind" },
            { new StringContent("10"), "Input.EstimatedMinutes" },
        };
        foreach (var audience in audiences)
            form.Add(new StringContent(audience.Id.ToString()), "Input.AudienceIds");
        if (body is not null)
            form.Add(new StringContent(body), "Input.Body");
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            form.Add(part, "Upload", fileName);
        }
        return await admin.PostAsync(url, form);
    }

    private Task<int> CountAsync(string title) => app.WithDbAsync(db => db.Materials.CountAsync(m => m.Title == title));

    private static byte[] Mp4(int size = 4096)
    {
        var bytes = new byte[size];
        "\0\0\0\u0018ftypmp42"u8.ToArray().CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task Article_IsSanitized_AndOnlyTheAudienceReadsIt()
    {
        var (town, branch, admin) = await TownAsync("资料甲镇");
        var (_, otherBranch, _) = await TownAsync("资料乙镇");
        var response = await PublishAsync(
            admin,
            town,
            "安全的文章",
            MaterialKind.Article,
            "<p onclick=\"steal()\">正文<script>alert(1)</script><img src=\"/media/3f2504e0-4f89-41d3-9a0c-0305e"
                + "82c3301.jpg\" onerror=\"x()\" alt=\"图\"><a href=\"javascript:evil()\">链接</a></p>"
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var material = await app.WithDbAsync(db => db.Materials.SingleAsync(m => m.Title == "安全的文章"));
        Assert.DoesNotContain("script", material.Body);
        Assert.DoesNotContain("onclick", material.Body);
        Assert.DoesNotContain("onerror", material.Body);
        Assert.DoesNotContain("javascript:", material.Body);
        Assert.Contains("<img src=\"/media/3f2504e0-4f89-41d3-9a0c-0305e82c3301.jpg\" alt=\"图\">", material.Body);

        var (_, reader) = await app.SignInAsMemberAsync(branch, "读者");
        Assert.Contains("安全的文章", await reader.GetStringAsync("/Study"));
        Assert.Contains("正文", await reader.GetStringAsync($"/Study/Read/{material.Id}"));

        var (_, outsider) = await app.SignInAsMemberAsync(otherBranch, "读者");
        Assert.DoesNotContain("安全的文章", await outsider.GetStringAsync("/Study"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Study/Read/{material.Id}")).StatusCode);
    }

    [Fact]
    public async Task BadUploads_AreRefusedWithAMessage_AndNothingIsStored()
    {
        var (town, _, admin) = await TownAsync("上传镇");
        var filesBefore = await app.WithDbAsync(db => db.MaterialFiles.CountAsync());
        foreach (
            var (bytes, name, expected) in new (byte[], string, string)[]
            {
                ("<?php system($_GET['c']); ?>"u8.ToArray(), "lesson.mp4", "视频只能上传 MP4 或 WebM"),
                ("<html><script>alert(1)</script></html>"u8.ToArray(), "lesson.mp4", "视频只能上传 MP4 或 WebM"),
                ([], "empty.mp4", "上传的文件是空的"),
                (Mp4(51 * 1024 * 1024), "huge.mp4", "不能超过 50 MB"),
            }
        )
        {
            var response = await PublishAsync(admin, town, "坏视频", MaterialKind.Video, file: bytes, fileName: name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }
        var missing = await PublishAsync(admin, town, "坏视频", MaterialKind.Video);
        Assert.Contains("请选择要上传的文件", await missing.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("坏视频"));
        Assert.Equal(filesBefore, await app.WithDbAsync(db => db.MaterialFiles.CountAsync()));
    }

    [Fact]
    public async Task Video_IsStored_AndServedWithRanges_ToItsAudienceOnly()
    {
        var (town, branch, admin) = await TownAsync("视频甲镇");
        var (_, otherBranch, _) = await TownAsync("视频乙镇");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PublishAsync(admin, town, "好视频", MaterialKind.Video, file: Mp4())).StatusCode
        );
        var id = await app.WithDbAsync(db =>
            db.Materials.Where(m => m.Title == "好视频").Select(m => m.Id).SingleAsync()
        );
        var (_, reader) = await app.SignInAsMemberAsync(branch, "读者");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/study/materials/{id}/file");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        var (_, outsider) = await app.SignInAsMemberAsync(otherBranch, "读者");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/study/materials/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task AnotherSubtree_IsNotFound_AndNothingChanges()
    {
        var (townA, branchA, adminA) = await TownAsync("越权甲镇");
        var (townB, _, adminB) = await TownAsync("越权乙镇");
        await PublishAsync(adminA, townA, "甲镇资料", MaterialKind.Article, "甲镇正文");
        var id = await app.WithDbAsync(db =>
            db.Materials.Where(m => m.Title == "甲镇资料").Select(m => m.Id).SingleAsync()
        );

        Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync($"/Study/MaterialEdit/{id}")).StatusCode);
        // B's administrator cannot publish to A's town, nor withdraw A's material.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await PublishAsync(adminB, townA, "冒充", MaterialKind.Article, "x")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await TestApp.PostFormAsync(
                    adminB,
                    "/Study/Materials",
                    new Dictionary<string, string>(),
                    $"/Study/Materials?handler=Withdraw&id={id}&withdrawn=true"
                )
            ).StatusCode
        );
        Assert.Equal(0, await CountAsync("冒充"));
        Assert.False(
            await app.WithDbAsync(db => db.Materials.Where(m => m.Id == id).Select(m => m.Withdrawn).SingleAsync())
        );

        // Withdrawn by its own administrator, it leaves the member's library.
        var (_, reader) = await app.SignInAsMemberAsync(branchA, "读者");
        await TestApp.PostFormAsync(
            adminA,
            "/Study/Materials",
            new Dictionary<string, string>(),
            $"/Study/Materials?handler=Withdraw&id={id}&withdrawn=true"
        );
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/Study/Read/{id}")).StatusCode);
        Assert.DoesNotContain("甲镇资料", await reader.GetStringAsync("/Study"));
        _ = townB;
    }

    [Fact]
    public async Task Material_PublishedToTwoOfThreeTowns_ReachesTheirMembersOnly_AndSurvivesAMove()
    {
        var (district, _) = await app.AddTownAsync("多范围区");
        Organization town1 = null!,
            town2 = null!,
            town3 = null!,
            branch1 = null!,
            branch2 = null!,
            branch3 = null!;
        await app.WithDbAsync(async db =>
        {
            Organization Child(Organization parent, string name, OrgKind kind)
            {
                var o = new Organization
                {
                    Code = TestApp.UniqueCode("M"),
                    Name = name,
                    Kind = kind,
                };
                o.PlaceUnder(parent);
                db.Organizations.Add(o);
                return o;
            }
            var root = await db.Organizations.SingleAsync(o => o.Id == district.Id);
            town1 = Child(root, "一镇", OrgKind.Committee);
            town2 = Child(root, "二镇", OrgKind.Committee);
            town3 = Child(root, "三镇", OrgKind.Committee);
            await db.SaveChangesAsync();
            branch1 = Child(town1, "一镇支部", OrgKind.Branch);
            branch2 = Child(town2, "二镇支部", OrgKind.Branch);
            branch3 = Child(town3, "三镇支部", OrgKind.Branch);
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignInAsAdministratorOfAsync(district);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PublishToAsync(admin, [town1, town2], "两镇资料", MaterialKind.Article, "正文")).StatusCode
        );
        var id = await app.WithDbAsync(db =>
            db.Materials.Where(m => m.Title == "两镇资料").Select(m => m.Id).SingleAsync()
        );

        var (_, one) = await app.SignInAsMemberAsync(branch1, "读者");
        var (_, two) = await app.SignInAsMemberAsync(branch2, "读者");
        var (_, three) = await app.SignInAsMemberAsync(branch3, "读者");
        Assert.Contains("两镇资料", await one.GetStringAsync("/Study"));
        Assert.Contains("两镇资料", await two.GetStringAsync("/Study"));
        Assert.DoesNotContain("两镇资料", await three.GetStringAsync("/Study"));
        Assert.Equal(HttpStatusCode.NotFound, (await three.GetAsync($"/Study/Read/{id}")).StatusCode);

        // Nothing chosen: a message, nothing saved. An organization outside the caller's scope: 404.
        var none = await PublishToAsync(admin, [], "无范围", MaterialKind.Article, "正文");
        Assert.Contains("请至少选择一个发布范围", await none.Content.ReadAsStringAsync());
        var (elsewhere, _) = await app.AddTownAsync("范围外镇");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await PublishToAsync(admin, [town1, elsewhere], "越界", MaterialKind.Article, "正文")).StatusCode
        );
        Assert.Equal(0, await CountAsync("无范围") + await CountAsync("越界"));

        // 二镇 moves under 三镇: the audience path follows it, so its members keep the material and 三镇's own do not gain
        // it.
        await app.WithDbAsync(
            async (db, sp) =>
            {
                await sp.GetRequiredService<Hongling.Web.Features.Organizations.OrgEditor>()
                    .MoveAsync(await db.Organizations.SingleAsync(o => o.Id == town2.Id), town3.Code);
                return 0;
            }
        );
        Assert.Contains("两镇资料", await two.GetStringAsync("/Study"));
        Assert.DoesNotContain("两镇资料", await three.GetStringAsync("/Study"));
    }
}
