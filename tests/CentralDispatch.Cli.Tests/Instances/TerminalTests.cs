using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Instances;

/// <summary>What an operator at a terminal sees: questions before destructive actions, the live step table.</summary>
public sealed class TerminalTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task Decommission_OnATerminal_AsksNamingTheInstance_AndDoesNothingUnlessConfirmed()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        await user.CreateInstanceAsync(name, worker.Name);
        await worker.SucceedNextAsync();

        var declined = await TerminalProcess.RunAsync(["instance", "decommission", name], "n\n", user.Environment);
        var afterDecline = await user.JsonAsync<InstanceResponse>("instance", "show", name);
        var confirmed = await TerminalProcess.RunAsync(["instance", "decommission", name], "y\n", user.Environment);
        var afterConfirm = await user.JsonAsync<InstanceResponse>("instance", "show", name);

        Assert.Contains($"Decommission instance '{name}'?", declined.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("Not confirmed; nothing was done.", declined.Stdout, StringComparison.Ordinal);
        Assert.Equal(JobKind.Deploy, afterDecline.CurrentJob?.Kind);
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.Equal(JobKind.Decommission, afterConfirm.CurrentJob?.Kind);
        Assert.Equal(JobState.Queued, afterConfirm.CurrentJob?.State);
    }

    [Fact]
    public async Task JobShowWait_OnATerminal_DrawsTheLiveStepTable()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        var created = await user.CreateInstanceAsync(name, worker.Name);
        var job = await worker.ClaimAsync();
        await worker.ReportAsync(job, new StepEventReport("Preflight", StepPhase.Succeeded, DateTimeOffset.UtcNow, 12), new StepEventReport("Webroot", StepPhase.Succeeded, DateTimeOffset.UtcNow, 2500));
        await worker.CompleteAsync(job, JobState.Succeeded);

        var result = await TerminalProcess.RunAsync(["job", "show", created.CurrentJob!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--wait"], "", user.Environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"job {job.JobId}: Deploy of {name} on {worker.Name}: Succeeded", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Preflight\s+(\x1b\[[0-9;]*m)?Succeeded(\x1b\[[0-9;]*m)?\s+12 ms", result.Stdout);
        Assert.Matches(@"Webroot\s+(\x1b\[[0-9;]*m)?Succeeded(\x1b\[[0-9;]*m)?\s+2\.5 s", result.Stdout);
        Assert.Contains("\x1b[", result.Stdout, StringComparison.Ordinal);
    }
}
