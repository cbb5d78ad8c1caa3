using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hongling.BrowserTests;

public sealed class ExamTourTests(BrowserApp app)
{
    [Fact]
    public Task Member_TakesTheDemoExam_SeesTheScore_ThenTheAdministratorSeesTheHistogram() =>
        app.RunAsync(
            nameof(Member_TakesTheDemoExam_SeesTheScore_ThenTheAdministratorSeesTheHistogram),
            "1000000004",
            async page =>
            {
                await page.GotoAsync("/");
                await page.Locator(".navbar-toggler").ClickAsync();
                await page.Locator("#nav.collapse.show").WaitForAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "我的" }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "我的考试" }).ClickAsync();
                var card = page.Locator(".exam-card", new() { HasText = "党章党规和党史知识测试" });
                await card.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
                await page.WaitForURLAsync("**/Exams/Take/**");
                await Expect(page.Locator("#countdown")).ToHaveTextAsync(new Regex(@"^(30:00|29:\d\d)$"));

                var questions = page.Locator(".question");
                await Expect(questions).ToHaveCountAsync(10);
                for (var i = 0; i < 10; i++)
                {
                    var q = questions.Nth(i);
                    var type = await q.GetAttributeAsync("data-type");
                    if (type == "FillIn")
                        await q.Locator("input.answer").First.FillAsync("实事求是");
                    else
                        await q.Locator("input.answer").First.CheckAsync();
                    await Expect(page.Locator($".map-item[data-position=\"{i + 1}\"]"))
                        .ToHaveClassAsync(new Regex("btn-success"));
                }
                await Expect(page.Locator("#save-status")).ToHaveTextAsync("已自动保存");
                // One question at a time, as an older member may prefer on a phone.
                await page.GetByRole(AriaRole.Button, new() { Name = "逐题作答" }).ClickAsync();
                await Expect(questions.Nth(1)).ToBeHiddenAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "全部题目" }).ClickAsync();

                page.Dialog += (_, dialog) => dialog.AcceptAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "交卷" }).ClickAsync();
                await page.WaitForURLAsync("**/Exams/Review/**");
                await Expect(page.Locator("#score")).ToContainTextAsync("/ 100 分");
                await Expect(page.Locator("#passed")).ToContainTextAsync(new Regex("合格"));
                // Three attempts are allowed, so the answers wait for the exam to close (else one could read them and
                // retake).
                await Expect(page.Locator("#answers-hidden")).ToContainTextAsync("答案将在考试结束");
                await Expect(page.Locator(".review-item")).ToHaveCountAsync(0);
                await page.GotoAsync("/Exams/Mine");
                await Expect(page.Locator("#history")).ToContainTextAsync("已评分");

                // The district administrator, on a phone of their own, sees the attempt in the results.
                await using var office = await app.NewContextAsync("1000000001");
                var admin = await office.NewPageAsync();
                admin.SetDefaultTimeout(15_000);
                await admin.GotoAsync("/Exams");
                await admin
                    .Locator("#exams tr", new() { HasText = "党章党规和党史知识测试" })
                    .GetByRole(AriaRole.Link, new() { Name = "成绩统计" })
                    .ClickAsync();
                await Expect(admin.Locator("#stat-attempts")).ToHaveTextAsync("1");
                await Expect(admin.Locator("#histogram .bar")).ToHaveCountAsync(10);
                await Expect(admin.Locator("#results")).ToContainTextAsync("已评分");
                await Expect(admin.Locator("#item-analysis tbody tr")).ToHaveCountAsync(10);
            }
        );

    [Fact]
    public Task Visitor_RegistersOnAPhone_IsApproved_ThenSignsInWithTheMobileAndStartsTheExam() =>
        app.RunAsync(
            nameof(Visitor_RegistersOnAPhone_IsApproved_ThenSignsInWithTheMobileAndStartsTheExam),
            async page =>
            {
                await page.SetViewportSizeAsync(390, 844);
                var mobile = "137" + Random.Shared.Next(10_000_000, 99_999_999);
                await page.GotoAsync("/Account/Login");
                await page.GetByRole(AriaRole.Link, new() { Name = "注册参加考试" }).ClickAsync();
                await page.GetByLabel("姓名").FillAsync("远教站点员");
                await page.GetByLabel("手机号码").FillAsync(mobile);
                await page.GetByLabel("工作单位").FillAsync("示范远程教育站点");
                await page.GetByLabel("所属乡镇(街道)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                await page.GetByLabel("密码", new() { Exact = true }).FillAsync("short");
                await page.GetByLabel("确认密码").FillAsync("short");
                await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
                await Expect(page.Locator("#register")).ToContainTextAsync("密码至少需要8位");
                await page.GetByLabel("密码", new() { Exact = true }).FillAsync("station2026");
                await page.GetByLabel("确认密码").FillAsync("station2026");
                await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
                await Expect(page.Locator("#registered")).ToContainTextAsync("注册成功");
                await Expect(page.Locator("#no-exams")).ToContainTextAsync("目前没有批准您参加的考试");
                await page.SignOutAsync();

                // The district administrator approves the registration, on a computer.
                await using var office = await app.NewContextAsync("1000000001", new() { Width = 1280, Height = 900 });
                var admin = await office.NewPageAsync();
                admin.SetDefaultTimeout(15_000);
                await admin.GotoAsync("/Exams");
                await admin
                    .Locator("#exams tr", new() { HasText = "党章党规和党史知识测试" })
                    .GetByRole(AriaRole.Link, new() { Name = "报名审批" })
                    .ClickAsync();
                var row = admin.Locator("#registrants tr", new() { HasText = "远教站点员" });
                await Expect(row).ToContainTextAsync(mobile[..3] + "****" + mobile[^4..]);
                await row.GetByRole(AriaRole.Checkbox).CheckAsync();
                await admin.GetByRole(AriaRole.Button, new() { Name = "批准所选人员参加考试" }).ClickAsync();
                await Expect(admin.Locator("#status")).ToContainTextAsync("已批准 1 人");
                await Expect(row).ToContainTextAsync("已批准");

                await page.SignInAsync(mobile, "station2026");
                await page.WaitForURLAsync("**/Exams/Mine");
                var card = page.Locator(".exam-card", new() { HasText = "党章党规和党史知识测试" });
                await card.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
                await page.WaitForURLAsync("**/Exams/Take/**");
                await Expect(page.Locator(".question")).ToHaveCountAsync(10);
            }
        );
}
