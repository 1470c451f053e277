using System.Text;
using System.Text.RegularExpressions;
using CentralDispatch.Testing.Tls;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Infrastructure;

/// <summary>An instance's page as an operator uses it: wait for a state, run an action through its confirmation, upload PEM files.</summary>
public static class InstancePage
{
    /// <summary>An upper bound for a sandbox job (real MariaDB, Apache, health check); never a pass/fail threshold.</summary>
    public static readonly LocatorAssertionsToHaveTextOptions JobBound = new() { Timeout = 180_000 };

    /// <summary>Opens the instance's page and waits until it shows <paramref name="state"/> (its first deploy runs meanwhile).</summary>
    public static async Task OpenAsync(IPage page, string name, string state = "Active")
    {
        await page.GotoAsync($"/instances/{name}");
        await SettledAsync(page, state);
    }

    /// <summary>
    /// Waits until the page shows <paramref name="state"/> with no job running: the live badge changes first, the
    /// actions, fields and history when the finished job's page has been swapped in.
    /// </summary>
    public static async Task SettledAsync(IPage page, string state)
    {
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync(state, JobBound);
        await Expect(page.Locator("#job-title")).ToHaveTextAsync(new Regex("^Last job: "), JobBound);
    }

    /// <summary>Clicks "<paramref name="verb"/>…", checks the confirmation names the instance, and confirms.</summary>
    public static async Task ConfirmAsync(IPage page, string verb, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"{verb}…" }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirmation).ToContainTextAsync($"{verb} {name}?");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = $"{verb} {name}" }).ClickAsync();
    }

    /// <summary>The names of the buttons in the page's action bar, in order.</summary>
    public static Task<IReadOnlyList<string>> ActionButtonsAsync(IPage page) =>
        page.Locator("#actions .action-bar .button").AllInnerTextsAsync();

    /// <summary>Chooses the certificate and key as files in the form <paramref name="form"/> (as an operator's file picker would).</summary>
    public static async Task UploadAsync(ILocator form, PemCertificate certificate)
    {
        await form.GetByLabel("or upload the certificate file").SetInputFilesAsync(Pem("site.crt", certificate.CertificatePem));
        await form.GetByLabel("or upload the key file").SetInputFilesAsync(Pem("site.key", certificate.KeyPem));
    }

    private static FilePayload Pem(string name, string text) =>
        new() { Name = name, MimeType = "application/x-pem-file", Buffer = Encoding.UTF8.GetBytes(text) };
}
