using System.Text.RegularExpressions;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Instances;

/// <summary>The create form shows the API's own validation per field, creates nothing on error, and never sends a key back.</summary>
[Collection(WebCollection.Name)]
public sealed class CreateFormTests(WebFixture fixture)
{
    [Fact]
    public async Task CreateForm_WithBadInput_ShowsEachFieldsError_AndCreatesNothing()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var before = await CountAsync();
        var hostname = TestNames.Hostname(TestNames.Unique("cert"));

        await InstanceForm.SubmitAsync(page, "Bad Name!", "not a host name", fixture.WorkerName, backendEmail: "ops%shop@example.com",
            release: "../etc", aliases: "ok.example.com ok.example.com");

        await Expect(page).ToHaveURLAsync(new Regex("/instances/_new"));
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(ErrorOf(page, "Name")).ToContainTextAsync("is not a valid name");
        await Expect(ErrorOf(page, "Hostname")).Not.ToBeEmptyAsync();
        await Expect(ErrorOf(page, "Aliases")).ToContainTextAsync("repeated");
        await Expect(ErrorOf(page, "Release")).ToContainTextAsync("is not a release name");
        await Expect(ErrorOf(page, "BackendEmail")).ToContainTextAsync("'%' is not allowed: in the instance's cron line it would end the command");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Bad Name!");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveClassAsync(new Regex("input-validation-error"));

        // A certificate for another host: the TLS rule names the certificate field, and the key is not sent back.
        var name = TestNames.Unique("cert");
        var wrong = TestCertificates.WrongHostname(hostname);
        await InstanceForm.SubmitAsync(page, name, hostname, fixture.WorkerName, certificate: wrong);
        await Expect(ErrorOf(page, "CertificatePem")).ToContainTextAsync("does not cover");
        await Expect(page.GetByLabel("Private key", new() { Exact = true })).ToBeEmptyAsync();
        Assert.DoesNotContain(KeyBody(wrong.KeyPem), await page.ContentAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task CreateForm_NamingATakenHostname_ShowsTheConflictOnThatField()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        var first = TestNames.Unique("dup");
        var hostname = TestNames.Hostname(first);
        await fixture.CreateInstanceAsync(first, fixture.WorkerName, release: "not-here");

        await InstanceForm.SubmitAsync(page, TestNames.Unique("dup"), hostname, fixture.WorkerName);

        await Expect(ErrorOf(page, "Hostname")).ToContainTextAsync($"already served by instance '{first}'");
    }

    /// <summary>The error message shown under a field of the create form.</summary>
    private static ILocator ErrorOf(IPage page, string field) => page.Locator($"[data-valmsg-for='Form.{field}']");

    /// <summary>A line from the middle of a PEM key: unique to the key, unlike its BEGIN line.</summary>
    public static string KeyBody(string keyPem) => keyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];

    private Task<int> CountAsync() => fixture.WithServiceAsync<InstanceService, int>(async s =>
        (await s.ListAsync(new InstanceQuery(PageSize: 1), CancellationToken.None)).Total);
}
