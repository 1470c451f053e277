using System.Text.RegularExpressions;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Screenshots;

/// <summary>
/// Pictures of the UI at 1280 px and at a phone's width: the dashboard, the instance list, a live deployment and a
/// failed instance. scripts/screenshots.sh runs this with CD_SCREENSHOTS=1 to refresh docs/screenshots/; otherwise
/// the pictures go to a temporary folder, so the test suite never changes the working tree.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScreenshotTests(WebFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Screenshots_OfDashboardInstanceListLiveDeploymentAndFailedInstance_AreSaved()
    {
        var folder = Folder();
        await using var desktop = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(desktop);

        var failed = TestNames.Unique("shop-eu");
        await InstanceForm.SubmitAsync(page, failed, TestNames.Hostname(failed), fixture.WorkerName, release: "v2-missing");
        // The error field is filled in when the page has taken in the finished job (it swaps its content once).
        await Expect(page.Locator("#error-step")).ToHaveTextAsync("Preflight", new() { Timeout = 180_000 });
        await ShootAsync(page, folder, "failed-instance.png");

        var live = TestNames.Unique("shop-us");
        var hostname = TestNames.Hostname(live);
        await InstanceForm.SubmitAsync(page, live, hostname, fixture.WorkerName, certificate: TestCertificates.ForHosts(hostname));
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{live}$"));
        await Expect(page.Locator("#steps li.step").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await ShootAsync(page, folder, "live-deployment.png");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Redeploy" })).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await ShootAsync(page, folder, "active-instance.png");

        await page.GotoAsync("/");
        await ShootAsync(page, folder, "dashboard.png");
        await page.GotoAsync("/instances");
        await ShootAsync(page, folder, "instances.png");
        await page.GotoAsync("/settings");
        await ShootAsync(page, folder, "settings.png");

        await using var phone = await fixture.NewContextAsync(390, 844);
        var small = await fixture.SignedInPageAsync(phone);
        await ShootAsync(small, folder, "dashboard-phone.png");
        await small.GotoAsync($"/instances/{failed}");
        await ShootAsync(small, folder, "failed-instance-phone.png");
        await small.GotoAsync("/instances/_new");
        await ShootAsync(small, folder, "new-instance-phone.png");

        foreach (var file in Directory.GetFiles(folder, "*.png"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().StartsWith(PngSignature), $"{file} is not a PNG.");
        }

        Assert.Equal(9, Directory.GetFiles(folder, "*.png").Length);
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
