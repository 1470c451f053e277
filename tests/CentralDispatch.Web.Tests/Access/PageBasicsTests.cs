using CentralDispatch.Testing;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Access;

/// <summary>What every page owes its users: a title, a label on each input, no sideways scrolling on a phone, and the keyboard.</summary>
[Collection(WebCollection.Name)]
public sealed class PageBasicsTests(WebFixture fixture)
{
    /// <summary>Inputs (not hidden, not buttons) with neither a label element nor an aria-label.</summary>
    private const string UnlabelledInputs = """
        () => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.labels.length === 0 && !e.getAttribute('aria-label'))
            .map(e => e.name || e.id || e.outerHTML)
        """;

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task EveryPage_HasATitle_LabelledInputs_AndNoSidewaysScrolling(int width, int height)
    {
        var instance = await PendingInstanceAsync();
        var (active, archived) = await fixture.SettledInstancesAsync();
        await using var context = await fixture.NewContextAsync(width, height);
        var page = await fixture.SignedInPageAsync(context);
        string[] paths =
        [
            "/", "/instances", "/instances/_new", $"/instances/{instance}", $"/instances/{active}", $"/instances/{archived}",
            $"/instances/{archived}/restore", "/settings", "/settings/admins",
        ];

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            Assert.EndsWith(" · Central Dispatch", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledInputs));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {width} px screen.");
        }
    }

    [Fact]
    public async Task SignInAndCreateForm_WorkWithTheKeyboardAlone()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");

        // The e-mail field has the focus; Tab moves on, Enter sends.
        await page.Keyboard.TypeAsync(fixture.AdminEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(WebFixture.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await page.GotoAsync("/instances/_new");
        await page.GetByLabel("Name", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("Not Valid");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-valmsg-for='Form.Name']")).ToContainTextAsync("is not a valid name");
    }

    private async Task<string> PendingInstanceAsync()
    {
        var worker = TestNames.Unique("idle");
        await fixture.RegisterWorkerAsync(worker);
        var name = TestNames.Unique("page");
        await fixture.CreateInstanceAsync(name, worker, aliases: ["www." + TestNames.Hostname(name)]);
        return name;
    }
}
