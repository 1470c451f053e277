using System.Net;
using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>The two ends a deploy may reach, checked on the host: deployed exactly once, or nothing of it left.</summary>
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

    /// <summary>Active with its URL; the site answers 200 over HTTPS with the instance's certificate; one of everything on the host.</summary>
    public static async Task AssertDeployedOnceAsync(EndToEndStack stack, TestInstance expected, InstanceResponse instance)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(instance);
        Assert.True(instance.State == InstanceState.Active, $"{instance.Name} is {instance.State}: {instance.LastError}\n{stack.Diagnostics()}");
        Assert.NotNull(instance.Url);
        var url = new Uri(instance.Url);
        Assert.Equal(Uri.UriSchemeHttps, url.Scheme);
        Assert.Equal(expected.Hostname, url.Host);
        Assert.Equal(stack.Worker.Options.WebServer.HttpsPort, url.Port);

        var answer = await SiteProbe.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Central Dispatch sample release", answer.Body, StringComparison.Ordinal);
        using var own = X509Certificate2.CreateFromPem(expected.Certificate.CertificatePem);
        Assert.Equal(own.Thumbprint, answer.Certificate?.Thumbprint);

        var footprint = await SettledFootprintAsync(stack, instance.Name);
        Assert.Equal(HostScan.ExpectedPaths(stack.Worker, instance.Name).Order(StringComparer.Ordinal), footprint.Paths);
        Assert.True(footprint is { DatabaseUsers: 1, Databases: 1, CronLines: 1, Journals.Count: 0 }, footprint.ToString());
    }

    /// <summary>Nothing of the instance on the host: no path named after it, no database, user or cron line, no journal.</summary>
    public static async Task AssertNothingLeftAsync(EndToEndStack stack, string instance)
    {
        var footprint = await SettledFootprintAsync(stack, instance);
        Assert.True(footprint.IsEmpty, $"left over of {instance}: {footprint}");
    }
}
