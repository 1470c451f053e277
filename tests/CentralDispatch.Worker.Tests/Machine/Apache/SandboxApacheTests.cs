using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

[Collection(SandboxApacheCollection.Name)]
public sealed class SandboxApacheTests(SandboxApacheFixture apache)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HttpsSite_IsServedWithItsOwnCertificate_ThroughSni()
    {
        var name = TestNames.Unique("https");
        using var certificate = TestCertificate.For(TestNames.Hostname(name));
        var hostname = await apache.AddSiteAsync(name, certificate);
        using var coordinator = apache.NewCoordinator(TimeSpan.Zero);
        try
        {
            await coordinator.RequestReloadAsync(CancellationToken.None);

            var probe = await Eventually.GetAsync(
                () => apache.Probe.ProbeHttpsAsync(hostname, apache.HttpsPort, certificate.Certificate, ProbeTimeout, CancellationToken.None),
                result => result.Succeeded);

            Assert.True(probe.Succeeded, probe.Failure);
            Assert.Equal(LocalSiteProbe.Thumbprint(certificate.Certificate), probe.CertificateThumbprint);
            Assert.Contains("Central Dispatch sample release", probe.Body, StringComparison.Ordinal);

            using var someoneElses = TestCertificate.For(hostname);
            var mismatch = await apache.Probe.ProbeHttpsAsync(hostname, apache.HttpsPort, someoneElses.Certificate, ProbeTimeout, CancellationToken.None);
            Assert.False(mismatch.Succeeded);
            Assert.Equal(200, mismatch.StatusCode);
            Assert.Contains("not the expected", mismatch.Failure, StringComparison.Ordinal);

            var plain = await apache.Probe.ProbeHttpAsync(hostname, apache.HttpPort, ProbeTimeout, CancellationToken.None);
            Assert.Equal(301, plain.StatusCode);
        }
        finally
        {
            apache.RemoveSite(name);
        }
    }

    [Fact]
    public async Task UnknownHostname_GetsCatchAllSite_NotAnInstancesCertificate()
    {
        var name = TestNames.Unique("known");
        using var certificate = TestCertificate.For(TestNames.Hostname(name));
        await apache.AddSiteAsync(name, certificate);
        using var coordinator = apache.NewCoordinator(TimeSpan.Zero);
        try
        {
            await coordinator.RequestReloadAsync(CancellationToken.None);

            var probe = await apache.Probe.ProbeHttpsAsync("nobody.test.example", apache.HttpsPort, certificate.Certificate, ProbeTimeout, CancellationToken.None);

            Assert.False(probe.Succeeded);
            Assert.Equal(404, probe.StatusCode);
            Assert.NotEqual(LocalSiteProbe.Thumbprint(certificate.Certificate), probe.CertificateThumbprint);
        }
        finally
        {
            apache.RemoveSite(name);
        }
    }

    [Fact]
    public async Task SiteWithoutCertificate_IsServedOverPlainHttp_WithThePlainTemplate()
    {
        var name = TestNames.Unique("plain");
        var hostname = await apache.AddSiteAsync(name, certificate: null);
        using var coordinator = apache.NewCoordinator(TimeSpan.Zero);
        try
        {
            await coordinator.RequestReloadAsync(CancellationToken.None);

            var probe = await Eventually.GetAsync(
                () => apache.Probe.ProbeHttpAsync(hostname, apache.HttpPort, ProbeTimeout, CancellationToken.None),
                result => result.Succeeded);

            Assert.True(probe.Succeeded, probe.Failure);
            Assert.Contains("Central Dispatch sample release", probe.Body, StringComparison.Ordinal);
        }
        finally
        {
            apache.RemoveSite(name);
        }
    }

    [Fact]
    public async Task BrokenVirtualHost_FailsConfigTest_IsNotReloaded_AndOtherSiteKeepsAnswering()
    {
        var good = TestNames.Unique("good");
        var broken = TestNames.Unique("broken");
        using var certificate = TestCertificate.For(TestNames.Hostname(good));
        var hostname = await apache.AddSiteAsync(good, certificate);
        using var coordinator = apache.NewCoordinator(TimeSpan.Zero);
        try
        {
            await coordinator.RequestReloadAsync(CancellationToken.None);
            var before = await Eventually.GetAsync(
                () => apache.Probe.ProbeHttpsAsync(hostname, apache.HttpsPort, certificate.Certificate, ProbeTimeout, CancellationToken.None),
                result => result.Succeeded);
            Assert.True(before.Succeeded, before.Failure);

            await apache.WriteEnabledSiteAsync(broken, $"<VirtualHost *:{apache.HttpPort}>\n    ServerName {TestNames.Hostname(broken)}\n    NoSuchDirective on\n</VirtualHost>\n");
            var failure = await Assert.ThrowsAsync<ConfigTestFailedException>(() => coordinator.RequestReloadAsync(CancellationToken.None));

            Assert.Contains(broken + ".conf", failure.Output, StringComparison.Ordinal);
            Assert.Contains("NoSuchDirective", failure.Message, StringComparison.Ordinal);
            Assert.Equal(new ReloadStatistics(Requests: 2, ConfigTests: 2, FailedConfigTests: 1, Reloads: 1), coordinator.Statistics);

            var after = await apache.Probe.ProbeHttpsAsync(hostname, apache.HttpsPort, certificate.Certificate, ProbeTimeout, CancellationToken.None);
            Assert.True(after.Succeeded, after.Failure);
        }
        finally
        {
            apache.RemoveSite(broken);
            apache.RemoveSite(good);
        }
    }

    [Fact]
    public async Task ConcurrentReloadRequests_AreCoalescedIntoFewerReloads()
    {
        const int requests = 8;
        using var coordinator = apache.NewCoordinator(TimeSpan.FromMilliseconds(300));

        await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => coordinator.RequestReloadAsync(CancellationToken.None)));

        var statistics = coordinator.Statistics;
        Assert.Equal(requests, statistics.Requests);
        Assert.InRange(statistics.Reloads, 1, requests - 1);
        Assert.Equal(statistics.Reloads, statistics.ConfigTests);
    }
}
