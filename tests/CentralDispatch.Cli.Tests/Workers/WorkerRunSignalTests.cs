using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Workers;

/// <summary>`dispatch worker run` under systemd: SIGTERM is its normal stop.</summary>
public sealed class WorkerRunSignalTests
{
    [Fact]
    public async Task Sigterm_EndsTheDaemonWithExitCodeZero_AndStopsItsSandboxServers()
    {
        await using var host = await DispatcherTestHost.StartAsync();
        using var user = new CliUser(host);
        await using var worker = await WorkerProcess.StartAsync(user, host);

        var exitCode = await worker.TerminateAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{worker.Output}");
        Assert.DoesNotContain("Unhandled exception", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ObjectDisposedException", worker.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(worker.DataFolder, "apache", "run", "httpd.pid")), worker.Output);
        Assert.False(File.Exists(Path.Combine(worker.DataFolder, "mariadb", "mariadbd.pid")), worker.Output);
    }
}
