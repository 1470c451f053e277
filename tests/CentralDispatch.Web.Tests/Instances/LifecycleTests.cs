using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Web.Tests.Infrastructure;
using CentralDispatch.Worker.Machine.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Instances;

/// <summary>
/// The lifecycle actions from an instance's page, each run by the real sandbox worker: what the page offers in each
/// state, what it shows afterwards, and what the site then answers.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LifecycleTests(WebFixture fixture)
{
    [Fact]
    public async Task SuspendAfterConfirmation_ThenResume_OfferOnlyWhatTheStateAllows_AndTheSiteAnswers503ThenServesAgain()
    {
        var name = TestNames.Unique("sus");
        var host = TestNames.Hostname(name);
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, certificate: TestCertificates.ForHosts(host));
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name);
        Assert.Equal(new[] { "Suspend…", "Decommission…" }, await InstancePage.ActionButtonsAsync(page));
        await Expect(page.Locator("form#redeploy")).ToBeVisibleAsync();
        await Expect(page.Locator("form#rotate")).ToHaveCountAsync(1);

        await InstancePage.ConfirmAsync(page, "Suspend", name);
        await InstancePage.SettledAsync(page, "Suspended");
        Assert.Equal(503, (await fixture.ProbeAsync(host)).StatusCode);
        Assert.Equal(new[] { "Resume", "Decommission…" }, await InstancePage.ActionButtonsAsync(page));
        await Expect(page.Locator("form#redeploy")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await InstancePage.SettledAsync(page, "Active");
        Assert.Equal(200, (await fixture.ProbeAsync(host)).StatusCode);
        await Expect(page.Locator("#history > ol > li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#history")).ToContainTextAsync("Resume #");
        await Expect(page.Locator("#history")).ToContainTextAsync("Suspend #");
    }

    [Fact]
    public async Task Redeploy_ToAReleaseChosenOnThePage_ServesIt_AfterABadReleaseNameWasRefusedAtItsFieldWithoutAJob()
    {
        var name = TestNames.Unique("red");
        var host = TestNames.Hostname(name);
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, certificate: TestCertificates.ForHosts(host));
        var release = fixture.WriteRelease("v");
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name);
        var redeploy = page.Locator("form#redeploy");
        await Expect(redeploy.Locator("datalist option[value='default']")).ToHaveCountAsync(1);

        await redeploy.GetByLabel("Release").FillAsync("Not A Release");
        await redeploy.GetByRole(AriaRole.Button, new() { Name = "Redeploy" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='release']")).ToContainTextAsync("is not a release name");
        await Expect(redeploy.GetByLabel("Release")).ToHaveValueAsync("Not A Release");
        await Expect(page.Locator("#history > ol > li")).ToHaveCountAsync(1);

        await redeploy.GetByLabel("Release").FillAsync(release);
        await redeploy.GetByRole(AriaRole.Button, new() { Name = "Redeploy" }).ClickAsync();
        await Expect(page.Locator("#instance-release")).ToHaveTextAsync(release, InstancePage.JobBound);
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#job-title")).ToHaveTextAsync(new Regex("^Last job: Redeploy #"));
        Assert.Contains($"release {release}", (await fixture.ProbeAsync(host)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateCertificate_ByUploadedFiles_ServesTheNewCertificate_AfterOneForAnotherHostWasRefusedAtItsField()
    {
        var name = TestNames.Unique("rot");
        var host = TestNames.Hostname(name);
        var next = TestCertificates.ForHosts(host);
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, certificate: TestCertificates.ForHosts(host));
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name);
        var rotate = page.Locator("form#rotate");

        await page.GetByText("Rotate certificate", new() { Exact = true }).First.ClickAsync();
        var wrong = TestCertificates.WrongHostname(host);
        await rotate.GetByLabel("New certificate", new() { Exact = true }).FillAsync(wrong.CertificatePem);
        await rotate.GetByLabel("New private key", new() { Exact = true }).FillAsync(wrong.KeyPem);
        await rotate.GetByRole(AriaRole.Button, new() { Name = "Rotate certificate" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Rotate.CertificatePem']")).ToContainTextAsync("does not cover");
        Assert.DoesNotContain(CreateFormTests.KeyBody(wrong.KeyPem), await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(rotate).ToBeVisibleAsync();
        await Expect(page.Locator("#history > ol > li")).ToHaveCountAsync(1);

        await rotate.GetByLabel("New certificate", new() { Exact = true }).FillAsync("");
        await InstancePage.UploadAsync(rotate, next);
        await rotate.GetByRole(AriaRole.Button, new() { Name = "Rotate certificate" }).ClickAsync();
        await Expect(page.Locator("#job-title")).ToHaveTextAsync(new Regex("^Last job: Rotate certificate #"), InstancePage.JobBound);
        await Expect(page.Locator("#current-job [data-live='job-state']")).ToHaveTextAsync("Succeeded");
        using var served = X509Certificate2.CreateFromPem(next.CertificatePem);
        Assert.Equal(LocalSiteProbe.Thumbprint(served), (await fixture.ProbeAsync(host)).CertificateThumbprint);
    }

    [Fact]
    public async Task BackOut_OfAFailedInstance_AfterAConfirmationNamingIt_RunsAndClearsTheError()
    {
        var name = TestNames.Unique("bko");
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, release: "not-on-this-host");
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name, "Failed");
        Assert.Equal(new[] { "Retry deploy", "Decommission…", "Back out…" }, await InstancePage.ActionButtonsAsync(page));
        await Expect(page.Locator("#error-step")).ToHaveTextAsync("Preflight");

        await InstancePage.ConfirmAsync(page, "Back out", name);
        await Expect(page.Locator("#job-title")).ToHaveTextAsync(new Regex("^Last job: Back out #"), InstancePage.JobBound);
        await Expect(page.Locator("#current-job [data-live='job-state']")).ToHaveTextAsync("Succeeded");
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("Failed");
        await Expect(page.Locator("#error-field")).ToContainTextAsync("No error");
    }

    [Fact]
    public async Task Restore_OfAnArchivedInstance_UnderANewName_WithAnUploadedCertificate_DeploysTheCopy_AfterRefusingTheOldCertificateForTheNewHost()
    {
        var name = TestNames.Unique("arc");
        var copy = TestNames.Unique("cpy");
        var copyHost = TestNames.Hostname(copy);
        await fixture.CreateInstanceAsync(name, fixture.WorkerName, certificate: TestCertificates.ForHosts(TestNames.Hostname(name)));
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);
        await InstancePage.OpenAsync(page, name);
        await page.GotoAsync($"/instances/{name}/restore");
        await Expect(page.Locator("#not-restorable")).ToContainTextAsync("only an Archived instance");
        await Expect(page.Locator("form#restore-instance")).ToHaveCountAsync(0);
        await fixture.WithServiceAsync<InstanceService, JobSummary>(s => s.ActAsync(name, InstanceActions.Get<DecommissionAction>(), null, "test", CancellationToken.None));
        await InstancePage.OpenAsync(page, name, "Archived");
        var archive = await page.Locator("#archive-path").InnerTextAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync(archive);

        await page.GetByRole(AriaRole.Link, new() { Name = "Restore…" }).ClickAsync();
        var form = page.Locator("form#restore-instance");
        await Expect(form.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(page.Locator("#restore-archive")).ToHaveTextAsync(archive);
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(copy);
        await form.GetByLabel("Host name", new() { Exact = true }).FillAsync(copyHost);
        await form.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Form.CertificatePem']")).ToContainTextAsync("archived instance's certificate");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithServiceAsync<InstanceService, InstanceResponse>(s => s.GetAsync(copy, CancellationToken.None)));

        await InstancePage.UploadAsync(form, TestCertificates.ForHosts(copyHost));
        await form.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{copy}$"));
        await InstancePage.SettledAsync(page, "Active");
        Assert.Equal(200, (await fixture.ProbeAsync(copyHost)).StatusCode);
        await InstancePage.OpenAsync(page, name, "Archived");
        await Expect(page.Locator("#archive-path")).ToHaveTextAsync(archive);
    }
}
