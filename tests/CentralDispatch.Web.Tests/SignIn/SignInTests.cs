using System.Text.RegularExpressions;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.SignIn;

/// <summary>Signing in and out with an administrator's password; lock-out after repeated failures.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture fixture)
{
    [Fact]
    public async Task SignIn_WithTheAdminsPassword_ReturnsToTheAskedPage_AndSignOutEndsTheSession()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/settings");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2Fsettings$"));
        await Expect(page).ToHaveTitleAsync("Sign in · Central Dispatch");
        await page.GetByLabel("E-mail").FillAsync(fixture.AdminEmail);
        await page.GetByLabel("Password").FillAsync(WebFixture.Password);
        await page.GetByLabel("Password").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/settings$"));
        await Expect(page.Locator(".who")).ToHaveTextAsync(fixture.AdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl=%2F$"));
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_IsRefused_AndRepeatedFailuresLockTheAccount()
    {
        var email = $"{Guid.NewGuid():N}@admins.example.com";
        await fixture.CreateAdminAsync(email, WebFixture.Password);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");

        for (var i = 1; i < AdminAccounts.LockoutThreshold; i++)
        {
            await SignInAsync(page, email, "not-the-password");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail address or the password is not right.");
        }

        await SignInAsync(page, email, "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await SignInAsync(page, email, WebFixture.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
