using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

public sealed class SandboxApacheRestartTests
{
    [Fact]
    public async Task Start_StopsTheApacheLeftByAKilledWorker_AndServesAgain()
    {
        using var folder = new TestFolder("cd-restart");
        var ports = LoopbackPorts.PickFree(2);
        var settings = new SandboxApacheSettings(new SandboxApacheLayout(folder.Combine("apache")), "127.0.0.1", ports[0], ports[1]);
        await using var earlier = NewApache(settings);
        await earlier.StartAsync(CancellationToken.None);
        var leftoverPid = ProcessLiveness.ReadPidFile(settings.Layout.PidFile)!.Value;

        // A restarted worker knows nothing of the earlier object: only the pid file on disk.
        await using var restarted = NewApache(settings);
        await restarted.StartAsync(CancellationToken.None);

        Assert.False(ProcessLiveness.IsAlive(leftoverPid));
        Assert.True(restarted.IsRunning);
        var probe = await new LocalSiteProbe(TimeProvider.System).ProbeHttpAsync("unknown.test.example", settings.HttpPort, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(404, probe.StatusCode);

        await restarted.StopAsync(CancellationToken.None);
        Assert.False(restarted.IsRunning);
        Assert.False(File.Exists(settings.Layout.PidFile));
    }

    private static SandboxApache NewApache(SandboxApacheSettings settings) =>
        new(settings, RealHost.Runner, TimeProvider.System, NullLogger<SandboxApache>.Instance);
}
