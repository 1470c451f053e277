using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Cron;

/// <summary>The real <c>crontab -u</c> of a system user made for this test (and removed after); root's own crontab is only read.</summary>
public sealed class UserCrontabTests : IAsyncLifetime
{
    private readonly string _user = "cdt" + Guid.NewGuid().ToString("N")[..12];
    private string _rootCrontabBefore = string.Empty;

    public async Task InitializeAsync()
    {
        _rootCrontabBefore = await RootCrontabAsync();
        await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", _user), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await RealHost.Runner.RunAsync(ProcessRequest.Of("crontab", "-u", _user, "-r"), CancellationToken.None);
        await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("userdel", _user), CancellationToken.None);
    }

    [Fact]
    public async Task TaggedLines_AreAddedSuspendedResumedAndRemoved_InARealUsersCrontab()
    {
        using var crontab = new UserCrontab(_user, RealHost.Runner);
        Assert.Empty(await crontab.ListAsync(CancellationToken.None));
        await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("crontab", "-u", _user, "-") with { StandardInput = CrontabScenario.ForeignLine + "\n" }, CancellationToken.None);

        await CrontabScenario.RunAsync(crontab, "shop");

        var installed = await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("crontab", "-u", _user, "-l"), CancellationToken.None);
        Assert.Contains(CrontabScenario.ForeignLine, installed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("centraldispatch:", installed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(_rootCrontabBefore, await RootCrontabAsync());
    }

    private static async Task<string> RootCrontabAsync() =>
        (await RealHost.Runner.RunAsync(ProcessRequest.Of("crontab", "-l"), CancellationToken.None)) is var result && result.Succeeded
            ? result.StandardOutput
            : "(none)";
}
