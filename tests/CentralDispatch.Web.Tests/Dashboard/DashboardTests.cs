using System.Text.RegularExpressions;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Dashboard;

/// <summary>The dashboard: failures first, with what failed; certificates that expire soon, soonest first.</summary>
[Collection(WebCollection.Name)]
public sealed class DashboardTests(WebFixture fixture)
{
    [Fact]
    public async Task Dashboard_ListsCertificatesExpiringWithin30Days_SoonestFirst_AndNoneThatExpiresLater()
    {
        // A worker with no agent: the instances stay Pending, live and never deployed, which is all the watch needs.
        var worker = TestNames.Unique("exp");
        await fixture.RegisterWorkerAsync(worker);
        var now = TimeProvider.System.GetUtcNow();
        var (soon, later, fine) = (TestNames.Unique("ten"), TestNames.Unique("twenty"), TestNames.Unique("ninety"));
        await fixture.CreateInstanceAsync(later, worker, certificate: Expiring(later, now, days: 20));
        await fixture.CreateInstanceAsync(soon, worker, certificate: Expiring(soon, now, days: 10));
        await fixture.CreateInstanceAsync(fine, worker, certificate: TestCertificates.ForHosts(TestNames.Hostname(fine)));

        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var rows = page.Locator("#expiring tbody tr");
        var names = (await rows.Locator("td:first-child").AllInnerTextsAsync()).ToList();

        Assert.DoesNotContain(fine, names);
        Assert.True(names.IndexOf(soon) >= 0 && names.IndexOf(soon) < names.IndexOf(later), $"Expected {soon} before {later} in: {string.Join(", ", names)}");
        await Expect(rows.Filter(new() { HasText = soon }).Locator("td").Nth(2)).ToHaveTextAsync(new Regex("^(9|10)$"));
    }

    [Fact]
    public async Task Dashboard_ShowsAFailedDeploymentFirst_UnderNeedsAttention_WithItsStepAndMessage()
    {
        var name = TestNames.Unique("dfail");
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, release: "not-on-this-host");
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name, "Failed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("Needs attention");
        var card = page.Locator("#attention li.card").Filter(new() { HasText = name });
        await Expect(card).ToContainTextAsync("Failed");
        await Expect(card).ToContainTextAsync("Preflight");
        await Expect(card).ToContainTextAsync("not-on-this-host");
        await card.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.Locator("#error-step")).ToHaveTextAsync("Preflight");
    }

    private static PemCertificate Expiring(string name, DateTimeOffset now, int days) =>
        TestCertificates.Authority.Issue([TestNames.Hostname(name)], now.AddDays(-1), now.AddDays(days));
}
