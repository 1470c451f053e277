using System.Text.RegularExpressions;
using CentralDispatch.Testing;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Instances;

/// <summary>The instance list: search, filters by state and worker, paging, state badges.</summary>
[Collection(WebCollection.Name)]
public sealed class InstanceListTests(WebFixture fixture)
{
    [Fact]
    public async Task InstanceList_SearchesFiltersAndPages()
    {
        // A worker with no agent: its instances stay Pending, which is what this list test needs.
        var worker = TestNames.Unique("idle");
        await fixture.RegisterWorkerAsync(worker);
        var prefix = "ls" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < Dispatcher.Web.Pages.Instances.IndexModel.PageSize + 1; i++)
        {
            await fixture.CreateInstanceAsync($"{prefix}-{i:00}", worker);
        }

        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Managed Instances" }).ClickAsync();
        await page.GetByLabel("Search").FillAsync(prefix);
        await page.GetByLabel("Worker").SelectOptionAsync(worker);
        await page.GetByLabel("State").SelectOptionAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page.Locator("#result-count")).ToHaveTextAsync("26 instance(s), page 1 of 2");
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(25);
        await Expect(page.Locator("#instances tbody tr").First).ToContainTextAsync("Pending");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("p=2"));
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#instances tbody tr")).ToContainTextAsync($"{prefix}-25");

        await page.GetByLabel("State").SelectOptionAsync("Active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("0 instance(s)");

        await page.GotoAsync("/instances?state=Nonsense");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Unknown state");
    }
}
