using System.Text.RegularExpressions;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Settings;

/// <summary>Settings › Administrators: add one (password generated, shown once), disable it, reset its password.</summary>
[Collection(WebCollection.Name)]
public sealed class AdminUsersTests(WebFixture fixture)
{
    [Fact]
    public async Task AddedAdmin_CanSignIn_IsLockedOutWhenDisabled_AndUsesANewPasswordAfterAReset()
    {
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await fixture.SignedInPageAsync(adminContext);
        var email = $"{Guid.NewGuid():N}@admins.example.com";
        await admin.GotoAsync("/settings/admins");
        await admin.GetByLabel("E-mail").FillAsync(email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add administrator" }).ClickAsync();
        var password = await admin.Locator("#issued-value").InputValueAsync();
        await Expect(admin.Locator("#issued-password")).ToContainTextAsync(email);

        await using var newContext = await fixture.NewContextAsync();
        var added = await fixture.SignedInPageAsync(newContext, email, password);

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Disable {email}" }).ClickAsync();
        await Expect(admin.Locator($"tr[data-admin='{email}']")).ToContainTextAsync("Disabled");
        await added.GotoAsync("/instances");
        await Expect(added).ToHaveURLAsync(new Regex("/signin"));

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Enable {email}" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Reset the password of {email}" }).ClickAsync();
        var reset = await admin.Locator("#issued-value").InputValueAsync();
        Assert.NotEqual(password, reset);
        await using var againContext = await fixture.NewContextAsync();
        await fixture.SignedInPageAsync(againContext, email, reset);
    }

    [Fact]
    public async Task AddAdmin_WithABadEmailOrShortPassword_ShowsTheFieldErrors()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await page.GotoAsync("/settings/admins");

        await page.GetByLabel("E-mail").FillAsync("not-an-address");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add administrator" }).ClickAsync();

        await Expect(page.Locator("[data-valmsg-for='Form.Email']")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.Password']")).ToContainTextAsync("At least 12 characters");
        await Expect(page.Locator("tr[data-admin='not-an-address']")).ToHaveCountAsync(0);
    }
}
