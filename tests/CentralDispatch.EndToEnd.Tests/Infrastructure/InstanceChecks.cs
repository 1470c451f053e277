using System.Net;
using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>The ends a job may reach, checked on the host and through the site: served with one of everything, or nothing of it left.</summary>
public static class InstanceChecks
{
    /// <summary>
    /// The worker removes a job's journal once the dispatcher acknowledged its result, a moment after the instance
    /// changed state: the scan is repeated (bounded) until no journal of the instance remains, then returned.
    /// </summary>
    public static async Task<InstanceFootprint> SettledFootprintAsync(EndToEndStack stack, string instance)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var jobIds = (await stack.Api.JobsAsync(instance)).Select(j => j.Id).ToList();
        var footprint = await HostScan.ScanAsync(stack.Worker, instance, jobIds);
        for (var i = 0; i < 150 && footprint.Journals.Count > 0; i++)
        {
            await Task.Delay(200);
            footprint = await HostScan.ScanAsync(stack.Worker, instance, jobIds);
        }

        return footprint;
    }

    /// <summary>What the sample release's index page says: the site of an instance deployed from the default release.</summary>
    public const string SampleReleaseText = "Central Dispatch sample release";

    /// <summary>
    /// Active with its URL; the site answers 200 over HTTPS with <paramref name="content"/> (default: the sample
    /// release) and <paramref name="certificate"/> (default: the instance's own); one of everything on the host, plus
    /// the paths in <paramref name="alsoOnHost"/> (an archive, say), and no journal.
    /// </summary>
    public static async Task AssertDeployedOnceAsync(EndToEndStack stack, TestInstance expected, InstanceResponse instance,
        string content = SampleReleaseText, PemCertificate? certificate = null, IReadOnlyList<string>? alsoOnHost = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(instance);
        Assert.True(instance.State == InstanceState.Active, $"{instance.Name} is {instance.State}: {instance.LastError}\n{stack.Diagnostics()}");
        await AssertServedAsync(stack, expected, instance, HttpStatusCode.OK, content, certificate);
        await AssertOneOfEverythingAsync(stack, instance.Name, alsoOnHost);
    }

    /// <summary>
    /// The instance's URL is its host name on the sandbox's HTTPS port, and a request to it answers
    /// <paramref name="status"/> with <paramref name="content"/> in the body, served with <paramref name="certificate"/>
    /// (default: the instance's own).
    /// </summary>
    public static async Task AssertServedAsync(EndToEndStack stack, TestInstance expected, InstanceResponse instance, HttpStatusCode status,
        string content, PemCertificate? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(instance);
        Assert.NotNull(instance.Url);
        var url = new Uri(instance.Url);
        Assert.Equal(Uri.UriSchemeHttps, url.Scheme);
        Assert.Equal(expected.Hostname, url.Host);
        Assert.Equal(stack.Worker.Options.WebServer.HttpsPort, url.Port);

        var answer = await SiteProbe.GetAsync(url);
        Assert.True(answer.Status == status && answer.Body.Contains(content, StringComparison.Ordinal),
            $"{url} answered {(int)answer.Status} with \"{answer.Body}\", not {(int)status} with \"{content}\"\n{stack.Diagnostics()}");
        using var own = X509Certificate2.CreateFromPem((certificate ?? expected.Certificate).CertificatePem);
        Assert.Equal(own.Thumbprint, answer.Certificate?.Thumbprint);
    }

    /// <summary>Exactly the paths of a deployed instance (plus <paramref name="alsoOnHost"/>), its database, user and cron line once each, no journal.</summary>
    public static async Task AssertOneOfEverythingAsync(EndToEndStack stack, string instance, IReadOnlyList<string>? alsoOnHost = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var footprint = await SettledFootprintAsync(stack, instance);
        Assert.Equal(HostScan.ExpectedPaths(stack.Worker, instance).Concat(alsoOnHost ?? []).Order(StringComparer.Ordinal), footprint.Paths);
        Assert.True(footprint is { DatabaseUsers: 1, Databases: 1, CronLines: 1, Journals.Count: 0 }, footprint.ToString());
    }

    /// <summary>The webroot links to <paramref name="tree"/>, the only tree in the instance's releases folder (beside its owner marker and config file).</summary>
    public static void AssertOnlyLiveTree(SandboxWorker worker, string instance, string tree)
    {
        var layout = HostScan.Layout(worker, instance);
        Assert.Equal(tree, layout.LiveTree());
        Assert.Equal(new[] { layout.OwnerMarkerFile, layout.ConfigFile, tree }.Order(StringComparer.Ordinal),
            Directory.GetFileSystemEntries(layout.ReleasesFolder).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Nothing of the instance on the host: no path named after it (but those in <paramref name="alsoOnHost"/>, an
    /// archive say), no database, user or cron line, no journal.
    /// </summary>
    public static async Task AssertNothingLeftAsync(EndToEndStack stack, string instance, IReadOnlyList<string>? alsoOnHost = null)
    {
        var footprint = await SettledFootprintAsync(stack, instance);
        var left = footprint with { Paths = footprint.Paths.Except(alsoOnHost ?? []).ToList() };
        Assert.True(left.IsEmpty && footprint.Paths.Count == left.Paths.Count + (alsoOnHost?.Count ?? 0), $"left over of {instance}: {footprint}");
    }
}
