using CentralDispatch.Testing.Tls;
using Microsoft.Playwright;

namespace CentralDispatch.Web.Tests.Infrastructure;

/// <summary>Fills and sends the "New instance" form as an operator would, with the keyboard-reachable labelled fields.</summary>
public static class InstanceForm
{
    /// <summary>Opens the form, fills it and submits; returns the page the browser lands on.</summary>
    public static async Task SubmitAsync(IPage page, string name, string hostname, string? worker, string backendEmail = "ops@example.com",
        string? release = null, PemCertificate? certificate = null, string? aliases = null)
    {
        await page.GotoAsync("/instances/_new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Host name", new() { Exact = true }).FillAsync(hostname);
        if (aliases is not null)
        {
            await page.GetByLabel("Aliases", new() { Exact = true }).FillAsync(aliases);
        }

        if (worker is not null)
        {
            await page.GetByLabel("Worker", new() { Exact = true }).SelectOptionAsync(worker);
        }

        if (release is not null)
        {
            await page.GetByLabel("Release", new() { Exact = true }).FillAsync(release);
        }

        await page.GetByLabel("Backend e-mail", new() { Exact = true }).FillAsync(backendEmail);
        if (certificate is not null)
        {
            await page.GetByLabel("Certificate", new() { Exact = true }).FillAsync(certificate.CertificatePem);
            await page.GetByLabel("Private key", new() { Exact = true }).FillAsync(certificate.KeyPem);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create and deploy" }).ClickAsync();
    }

    /// <summary>Remembers, in the page, whether it was ever reloaded or left: a live update must not need that.</summary>
    public static Task MarkPageAsync(IPage page) => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    public static Task<bool> IsSameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__sameDocument === true");

    /// <summary>
    /// Records, in every document the page loads from now on, each step row that turned green together with the
    /// instance state shown at that moment, so a test can tell the steps went green while the deployment was still
    /// running. Installed before the form is sent (an init script runs before the page's own HTML is parsed), so no
    /// step the deployment finishes while the instance page loads is missed or seen late.
    /// </summary>
    public static Task WatchStepsAsync(IPage page) => page.AddInitScriptAsync("""
        (() => {
            window.__green = [];
            const seen = new Set();
            new MutationObserver(() => {
                const state = document.querySelector('#instance-state')?.textContent.trim();
                for (const row of document.querySelectorAll('#steps li.step--done')) {
                    if (!seen.has(row.dataset.step)) {
                        seen.add(row.dataset.step);
                        window.__green.push({ step: row.dataset.step, state });
                    }
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        })();
        """);

    public static async Task<IReadOnlyList<GreenStep>> GreenStepsAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<List<GreenStep>>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__green)"),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

    /// <summary>A step seen turning green, and the instance state the page showed then.</summary>
    public sealed record GreenStep(string Step, string State);
}
