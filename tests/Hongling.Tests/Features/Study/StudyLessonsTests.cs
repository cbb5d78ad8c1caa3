using System.Net;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Features.Study;

/// <summary>十分钟党课: scheduling for a branch, the material's audience check, who studied, and scope.</summary>
public sealed class StudyLessonsTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Form(
        Organization branch,
        Material material,
        string note = "请按时学习"
    ) =>
        new()
        {
            ["Input.BranchId"] = branch.Id.ToString(),
            ["Input.MaterialId"] = material.Id.ToString(),
            ["Input.ScheduledAt"] = "2031-06-01T09:30",
            ["Input.Note"] = note,
        };

    private Task<Material> AddMaterialToAsync(Organization publisher, Organization audience, string title) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var m = new Material
            {
                Title = title,
                Column = MaterialColumn.TenMinuteLesson,
                Kind = MaterialKind.Article,
                Body = "<p>正文</p>",
                EstimatedMinutes = 10,
                PublishAt = now,
                CreatedAt = now,
                CreatedBy = "测试",
                OrganizationId = publisher.Id,
                Audiences = [new() { Path = audience.Path }],
            };
            db.Materials.Add(m);
            await db.SaveChangesAsync();
            return m;
        });

    private Task AddProgressAsync(Member m, Material material, int minutes, DateTime? completedAt) =>
        app.WithDbAsync(async db =>
        {
            db.MaterialProgress.Add(
                new MaterialProgress
                {
                    MemberId = m.Id,
                    MaterialId = material.Id,
                    OrganizationId = m.OrganizationId,
                    CreditedMinutes = minutes,
                    FirstOpenedAt = app.Clock.GetUtcNow().UtcDateTime,
                    CompletedAt = completedAt,
                }
            );
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Lesson_ScheduledFromVisibleMaterial_ListsWhoStudied_RefusesOthers_AndHidesFromOtherTowns()
    {
        var (town, branch) = await app.AddTownAsync("党课镇");
        var neighbour = await app.WithDbAsync(async db =>
        {
            var o = new Organization
            {
                Code = TestApp.UniqueCode("B"),
                Name = "党课镇第二党支部",
                Kind = OrgKind.Branch,
                Category = OrgCategory.Village,
            };
            o.PlaceUnder(await db.Organizations.FindAsync(town.Id));
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var (otherTown, _) = await app.AddTownAsync("别的镇");
        var townMaterial = await AddMaterialToAsync(town, town, "习近平总书记重要讲话");
        var neighbourMaterial = await AddMaterialToAsync(town, neighbour, "第二支部专题");
        var admin = await app.SignInAsAdministratorOfAsync(town);

        // A material published only to the neighbouring branch is refused, and nothing is saved.
        var refused = await TestApp.PostFormAsync(admin, "/Study/Lessons", Form(branch, neighbourMaterial));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该学习资料没有发布到这个党支部", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Lessons.CountAsync(l => l.OrganizationId == branch.Id)));
        // A town is not a branch.
        var notBranch = await TestApp.PostFormAsync(admin, "/Study/Lessons", Form(town, townMaterial));
        Assert.Contains("请选择您管理的党支部", await notBranch.Content.ReadAsStringAsync());

        var ok = await TestApp.PostFormAsync(admin, "/Study/Lessons", Form(branch, townMaterial));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var lesson = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.OrganizationId == branch.Id));
        Assert.Equal(new DateTime(2031, 6, 1, 1, 30, 0), lesson.ScheduledAt); // 09:30 in China
        Assert.Equal(branch.Path, lesson.AudiencePath);
        Assert.Equal(townMaterial.Id, lesson.MaterialId);
        Assert.True(
            await app.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Lesson) && a.EntityId == lesson.Id.ToString())
            )
        );
        Assert.Contains($"data-lesson=\"{lesson.Id}\"", await admin.GetStringAsync("/Study/Lessons"));

        // Who studied: credited minutes or completion; not an opening without credit, nor nothing at all.
        var credited = await app.AddMemberAsync(branch, "学了五分钟");
        var completed = await app.AddMemberAsync(branch, "播完视频");
        var opened = await app.AddMemberAsync(branch, "只打开");
        var absent = await app.AddMemberAsync(branch, "没来");
        var elsewhere = await app.AddMemberAsync(neighbour, "别的支部");
        await AddProgressAsync(credited, townMaterial, 5, null);
        await AddProgressAsync(completed, townMaterial, 0, app.Clock.GetUtcNow().UtcDateTime);
        await AddProgressAsync(opened, townMaterial, 0, null);
        await AddProgressAsync(elsewhere, townMaterial, 9, null);
        var page = await admin.GetDocumentAsync($"/Study/Lesson/{lesson.Id}");
        Assert.Equal(
            new[] { credited.Id, completed.Id }.Order(),
            page.DataOf("#studied li", "member").Select(int.Parse).Order()
        );
        Assert.Contains("5 分钟", page.TextOf($"#studied li[data-member='{credited.Id}']"));
        Assert.Contains("已完成", page.TextOf($"#studied li[data-member='{completed.Id}']"));
        Assert.Equal(
            new[] { opened.Id, absent.Id }.Order(),
            page.DataOf("#not-studied li", "member").Select(int.Parse).Order()
        ); // not the other branch's member

        // The member sees the lesson on 我的学习, marked studied; the neighbouring branch's member does not.
        var mine = await (await app.SignInAsMemberAsync(credited)).GetDocumentAsync("/Study/Mine");
        Assert.Equal("已学习", mine.TextOf($"#lessons-upcoming li[data-lesson='{lesson.Id}'] .badge"));
        Assert.DoesNotContain(
            $"data-lesson=\"{lesson.Id}\"",
            await (await app.SignInAsMemberAsync(elsewhere)).GetStringAsync("/Study/Mine")
        );

        // Another town's administrator, and the neighbouring branch's, get 404 for this lesson.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await (await app.SignInAsAdministratorOfAsync(otherTown)).GetAsync($"/Study/Lesson/{lesson.Id}")
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await (await app.SignInAsAdministratorOfAsync(neighbour)).GetAsync($"/Study/Lesson/{lesson.Id}")
            ).StatusCode
        );
    }
}
