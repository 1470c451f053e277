using System.Text.RegularExpressions;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Testing;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Settings;

/// <summary>Settings › Central Dispatch Settings: registering workers (token shown once) and acting on them.</summary>
[Collection(WebCollection.Name)]
public sealed partial class WorkerSettingsTests(WebFixture fixture)
{
    [Fact]
    public async Task RegisterWorker_ShowsTheTokenOnce_AndAnInitCommandThatReadsItFromStandardInput()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var name = TestNames.Unique("reg");

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("Central Dispatch Settings"));
        await page.GetByLabel("Host URL").FillAsync($"https://{name}.hosts.example");
        await page.GetByLabel("Worker name").FillAsync(name);
        await page.GetByLabel("Install path").FillAsync("/srv/www");
        await page.GetByLabel("Labels").FillAsync("region=eu ssd");
        await page.GetByLabel("Capacity").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register worker" }).ClickAsync();

        var token = await page.GetByLabel("Enrolment token").InputValueAsync();
        Assert.Matches(TokenPattern(), token);
        var command = await page.GetByLabel("On the worker host, run").InputValueAsync();
        Assert.Equal($"dispatch worker init --profile debian --dispatcher {fixture.BaseAddress.ToString().TrimEnd('/')} --token-stdin", command);
        Assert.DoesNotContain(token, command, StringComparison.Ordinal);
        var row = page.Locator($"tr[data-worker='{name}']");
        await Expect(row).ToContainTextAsync("Enrolled");
        await Expect(row).ToContainTextAsync("0 / 7");

        await page.GotoAsync("/settings");
        await Expect(page.Locator($"tr[data-worker='{name}']")).ToBeVisibleAsync();
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        var stored = await fixture.WithServiceAsync<WorkerService, WorkerResponse>(s => s.GetAsync(name, CancellationToken.None));
        Assert.Equal(["region=eu", "ssd"], stored.Labels);
        Assert.Equal("/srv/www", stored.InstallPath);
    }

    [Fact]
    public async Task RegisterWorker_WithBadInput_ShowsEachFieldsError_AndRegistersNothing()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var before = await CountAsync();
        await page.GotoAsync("/settings");

        await page.GetByLabel("Host URL").FillAsync("ftp://nowhere");
        await page.GetByLabel("Worker name").FillAsync("No Good");
        await page.GetByLabel("Install path").FillAsync("/etc");
        await page.GetByLabel("Labels").FillAsync("UPPER");
        await page.GetByLabel("Capacity").FillAsync("many");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register worker" }).ClickAsync();

        foreach (var field in new[] { "HostUrl", "Name", "InstallPath", "Labels", "Capacity" })
        {
            await Expect(page.Locator($"[data-valmsg-for='Form.{field}']")).Not.ToBeEmptyAsync();
        }

        await Expect(page.Locator("[data-valmsg-for='Form.InstallPath']")).ToContainTextAsync("system folder");
        await Expect(page.GetByLabel("Enrolment token")).ToHaveCountAsync(0);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task DrainAndRemove_AskForAConfirmationNamingTheWorker_ThenDoIt()
    {
        var name = TestNames.Unique("rm");
        await fixture.RegisterWorkerAsync(name);
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await page.GotoAsync("/settings");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Drain {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Drain {name}?");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Drain {name}" }).ClickAsync();
        await Expect(page.Locator($"tr[data-worker='{name}']")).ToContainTextAsync("Draining");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Remove {name}?");
        await Expect(page.Locator($"tr[data-worker='{name}']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}" }).ClickAsync();

        await Expect(page.Locator("#notice")).ToContainTextAsync($"Worker {name} was removed");
        await Expect(page.Locator($"tr[data-worker='{name}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RotateToken_AfterConfirmation_ShowsTheNewTokenOnce()
    {
        var name = TestNames.Unique("rot");
        var first = await fixture.RegisterWorkerAsync(name);
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await page.GotoAsync("/settings");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Rotate token {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Rotate the token of {name}" }).ClickAsync();

        var token = await page.GetByLabel("Enrolment token").InputValueAsync();
        Assert.Matches(TokenPattern(), token);
        Assert.NotEqual(first.Token, token);
        Assert.EndsWith(" --token-stdin --force", await page.GetByLabel("On the worker host, run").InputValueAsync(), StringComparison.Ordinal);
    }

    private Task<int> CountAsync() => fixture.WithServiceAsync<WorkerService, int>(async s => (await s.ListAsync(CancellationToken.None)).Count);

    [GeneratedRegex("^cdw_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex TokenPattern();
}
