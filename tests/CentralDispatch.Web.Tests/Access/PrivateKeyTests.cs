using System.Text.RegularExpressions;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using CentralDispatch.Web.Tests.Instances;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Access;

/// <summary>A private key goes in through the form and never comes back out in any page the dispatcher serves.</summary>
[Collection(WebCollection.Name)]
public sealed class PrivateKeyTests(WebFixture fixture)
{
    [Fact]
    public async Task PrivateKey_NeverAppearsInAnyHtmlServed()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var served = new List<(string Url, string Body)>();
        // Every page and fetched page passes through here, so its body is read in full before the browser gets it.
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType is not ("document" or "fetch" or "xhr"))
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            served.Add((route.Request.Url, await response.TextAsync()));
            await route.FulfillAsync(new() { Response = response });
        });
        var name = TestNames.Unique("key");
        var hostname = TestNames.Hostname(name);
        var certificate = TestCertificates.ForHosts(hostname);
        var keyLine = CreateFormTests.KeyBody(certificate.KeyPem);

        // Refused once (an e-mail is missing), then created; then every page that shows the instance.
        await InstanceForm.SubmitAsync(page, name, hostname, fixture.WorkerName, backendEmail: "", certificate: certificate);
        await Expect(page.Locator("[data-valmsg-for='Form.BackendEmail']")).Not.ToBeEmptyAsync();
        await InstanceForm.SubmitAsync(page, name, hostname, fixture.WorkerName, certificate: certificate);
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{name}$"));
        await Expect(page.Locator("#instance-state")).Not.ToHaveTextAsync(new Regex("Pending|Deploying"), new() { Timeout = 180_000 });
        foreach (var path in new[] { $"/instances/{name}", "/instances", $"/instances?q={name}", "/", "/settings" })
        {
            await page.GotoAsync(path);
        }

        Assert.True(served.Count >= 8, $"Only {served.Count} responses were seen.");
        foreach (var (url, html) in served)
        {
            Assert.False(html.Contains(keyLine, StringComparison.Ordinal), $"{url} contains the private key.");
        }

        Assert.Contains(served, s => s.Url.EndsWith($"/instances/{name}", StringComparison.Ordinal));
    }
}
