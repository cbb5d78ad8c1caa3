using Microsoft.Playwright;

namespace Hongling.BrowserTests;

/// <summary>Page object for the sign-in form.</summary>
public static class SignInPages
{
    public const string Password = Hongling.Web.Data.DemoDistrict.Password;

    public static async Task SignInAsync(this IPage page, string card, string password = Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("卡号或手机号").FillAsync(card);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        var toggler = page.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            // On a phone the menu slides open; click only once it has finished moving.
            await page.Locator("#nav.collapse.show").WaitForAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
    }
}
