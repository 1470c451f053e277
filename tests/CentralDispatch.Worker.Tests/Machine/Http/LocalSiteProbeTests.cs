using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Tests.Machine.Http;

public sealed class LocalSiteProbeTests
{
    [Fact]
    public async Task Probe_OfAPortNobodyListensOn_FailsWithAReason()
    {
        var port = LoopbackPorts.PickFree(1)[0];
        var probe = new LocalSiteProbe(TimeProvider.System);

        var https = await probe.ProbeHttpsAsync("shop.test.example", port, null, TimeSpan.FromSeconds(10), CancellationToken.None);
        var http = await probe.ProbeHttpAsync("shop.test.example", port, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.False(https.Succeeded);
        Assert.Null(https.StatusCode);
        Assert.Contains($"https://shop.test.example:{port}/ could not be reached", https.Failure, StringComparison.Ordinal);
        Assert.False(http.Succeeded);
        Assert.Contains("could not be reached", http.Failure, StringComparison.Ordinal);
    }
}
