using System.Text.RegularExpressions;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Instances;

/// <summary>Creating instances in the browser and watching the real sandbox worker deploy them, live.</summary>
[Collection(WebCollection.Name)]
public sealed class DeploymentTests(WebFixture fixture)
{
    private static readonly string[] DeploySteps =
        ["Preflight", "DatabaseUser", "Database", "Webroot", "Certificates", "VirtualHost", "EnableSite", "ReloadWebServer", "Cron", "HealthCheck"];

    [Fact]
    public async Task CreateInstance_ShowsItsStepsGoGreenLive_UntilActive_WithoutReloadingThePage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var name = TestNames.Unique("live");
        var hostname = TestNames.Hostname(name);

        await InstanceForm.WatchStepsAsync(page);
        await InstanceForm.SubmitAsync(page, name, hostname, fixture.WorkerName, certificate: TestCertificates.ForHosts(hostname));
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{name}$"));
        await InstanceForm.MarkPageAsync(page);

        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Active", InstancePage.JobBound);
        Assert.True(await InstanceForm.IsSameDocumentAsync(page), "The page was reloaded or left while the deployment ran.");
        var green = await InstanceForm.GreenStepsAsync(page);
        Assert.Contains(green, g => g.State != "Active");
        await Expect(page.Locator("#current-job li.step")).ToHaveCountAsync(DeploySteps.Length);
        foreach (var step in DeploySteps)
        {
            await Expect(page.Locator($"#current-job li.step[data-step='{step}']")).ToHaveClassAsync(new Regex("step--done"));
        }

        await Expect(page.Locator("#current-job [data-live='job-state']")).ToHaveTextAsync("Succeeded");
        await Expect(page.Locator("#error-field")).ToContainTextAsync("No error");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"https://{hostname}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CreateInstance_WhoseDeployFails_ShowsTheFailingStepAndMessageInTheErrorField()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var name = TestNames.Unique("fail");

        await InstanceForm.SubmitAsync(page, name, TestNames.Hostname(name), fixture.WorkerName, release: "not-on-this-host");
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{name}$"));
        await InstanceForm.MarkPageAsync(page);

        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Failed", InstancePage.JobBound);
        Assert.True(await InstanceForm.IsSameDocumentAsync(page), "The page was reloaded or left while the deployment ran.");
        await Expect(page.Locator("#error-step")).ToHaveTextAsync("Preflight");
        await Expect(page.Locator("#error-message")).ToContainTextAsync("not-on-this-host");
        await Expect(page.Locator("#error-leftovers")).ToContainTextAsync("Nothing");
        await Expect(page.Locator("#current-job li.step[data-step='Preflight']")).ToHaveClassAsync(new Regex("step--failed"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry deploy" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Decommission_AfterAConfirmationNamingTheInstance_EndsArchivedWithTheArchivePath()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var name = TestNames.Unique("dec");
        await InstanceForm.SubmitAsync(page, name, TestNames.Hostname(name), fixture.WorkerName);
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Active", InstancePage.JobBound);

        await page.GetByRole(AriaRole.Button, new() { Name = "Decommission…" }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirmation).ToContainTextAsync($"Decommission {name}?");
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Active");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = $"Decommission {name}" }).ClickAsync();

        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Archived", InstancePage.JobBound);
        await Expect(page.Locator("#archive-path")).ToHaveTextAsync(new Regex(@"^/.+\.tar\.gz$"));
        // The removal is the job's work: its steps read as removed, not as a failure's rollback.
        var database = page.Locator("#current-job li.step[data-step='Database']");
        await Expect(database).ToHaveClassAsync(new Regex("step--removed"));
        await Expect(database.Locator(".step__status")).ToHaveTextAsync("Removed");
        await Expect(page.Locator("#current-job li.step[data-step='Archive']")).ToHaveClassAsync(new Regex("step--done"));
    }
}
