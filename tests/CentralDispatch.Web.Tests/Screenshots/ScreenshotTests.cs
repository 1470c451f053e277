using System.Text.RegularExpressions;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Screenshots;

/// <summary>
/// Pictures of the UI at 1280 px and at a phone's width: the dashboard, the instance list, a live deployment, a
/// failed instance, an archived one and its restore form. scripts/screenshots.sh runs this with CD_SCREENSHOTS=1 to refresh docs/screenshots/; otherwise
/// the pictures go to a temporary folder, so the test suite never changes the working tree.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScreenshotTests(WebFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Screenshots_OfDashboardInstanceListLiveDeploymentFailedAndArchivedInstance_AreSaved()
    {
        var folder = Folder();
        await using var desktop = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(desktop);

        var failed = TestNames.Unique("shop-eu");
        await InstanceForm.SubmitAsync(page, failed, TestNames.Hostname(failed), fixture.WorkerName, release: "v2-missing");
        // The error field is filled in when the page has taken in the finished job (it swaps its content once).
        await Expect(page.Locator("#error-step")).ToHaveTextAsync("Preflight", new() { Timeout = 180_000 });
        await ShootAsync(page, folder, "failed-instance.png");

        // A sandbox deploy takes about a second; one whose site answers 403 (a release without an index page) stays in
        // its health check for the check's patience (30 s): a deployment caught live, its first steps green.
        var slow = TestNames.Unique("shop-ap");
        var slowHost = TestNames.Hostname(slow);
        var noIndex = fixture.WriteRelease("v3");
        File.Delete(Path.Combine(fixture.WorkerOptions.Paths.ReleasesFolder, noIndex, "index.html"));
        await InstanceForm.SubmitAsync(page, slow, slowHost, fixture.WorkerName, release: noIndex, certificate: TestCertificates.ForHosts(slowHost));
        await Expect(page.Locator("#steps li.step[data-step='HealthCheck']")).ToHaveClassAsync(new Regex("step--running"), new() { Timeout = 180_000 });
        await ShootAsync(page, folder, "live-deployment.png");

        var live = TestNames.Unique("shop-us");
        var hostname = TestNames.Hostname(live);
        await InstanceForm.SubmitAsync(page, live, hostname, fixture.WorkerName, certificate: TestCertificates.ForHosts(hostname));
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{live}$"));
        await InstancePage.SettledAsync(page, "Active");
        await ShootAsync(page, folder, "active-instance.png");

        await page.GotoAsync("/");
        await ShootAsync(page, folder, "dashboard.png");
        await page.GotoAsync("/instances");
        await ShootAsync(page, folder, "instances.png");
        await page.GotoAsync("/settings");
        await ShootAsync(page, folder, "settings.png");

        // Last, so the pictures above show it live: decommissioned, then the restore form for its archive.
        await InstancePage.OpenAsync(page, live);
        await InstancePage.ConfirmAsync(page, "Decommission", live);
        await InstancePage.SettledAsync(page, "Archived");
        await ShootAsync(page, folder, "archived-instance.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Restore…" }).ClickAsync();
        await ShootAsync(page, folder, "restore-instance.png");

        await using var phone = await fixture.NewContextAsync(390, 844);
        var small = await fixture.SignedInPageAsync(phone);
        await ShootAsync(small, folder, "dashboard-phone.png");
        await small.GotoAsync($"/instances/{failed}");
        await ShootAsync(small, folder, "failed-instance-phone.png");
        await small.GotoAsync("/instances/_new");
        await ShootAsync(small, folder, "new-instance-phone.png");

        // Nothing of this test may still run when the fixture stops the worker.
        await fixture.WaitForStateAsync(slow, InstanceState.Failed);
        foreach (var file in Directory.GetFiles(folder, "*.png"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().StartsWith(PngSignature), $"{file} is not a PNG.");
        }

        Assert.Equal(11, Directory.GetFiles(folder, "*.png").Length);
        if (!folder.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task ShootAsync(IPage page, string folder, string file) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), FullPage = true });

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("CD_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepositoryPaths.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            return docs;
        }

        return Directory.CreateTempSubdirectory("cd-shots-").FullName;
    }
}
