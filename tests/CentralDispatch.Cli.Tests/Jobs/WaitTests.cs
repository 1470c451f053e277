using System.Text.Json;
using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Jobs;

public sealed class WaitTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task CreateWait_Exits0WhenTheDeploySucceeds_ShowingEachStepWithItsDuration()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");

        var run = user.RunAsync("instance", "create", name, "--hostname", TestNames.Hostname(name), "--worker", worker.Name, "--backend-email", "ops@example.com", "--wait");
        var job = await worker.ClaimAsync(run);
        var now = DateTimeOffset.UtcNow;
        await worker.ReportAsync(job, new StepEventReport("Preflight", StepPhase.Started, now), new StepEventReport("Preflight", StepPhase.Succeeded, now, 12));
        await worker.ReportAsync(job, new StepEventReport("DatabaseUser", StepPhase.Started, now), new StepEventReport("DatabaseUser", StepPhase.Succeeded, now, 2500));
        await worker.CompleteAsync(job, JobState.Succeeded, facts: new JobFactsReport(Url: $"https://{TestNames.Hostname(name)}:8443/"));
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Preflight\s+Succeeded\s+12 ms", result.Stdout);
        Assert.Matches(@"DatabaseUser\s+Succeeded\s+2\.5 s", result.Stdout);
        Assert.Contains($"job {job.JobId}: Succeeded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Instance {name} is Active at https://{TestNames.Hostname(name)}:8443/", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task CreateWait_ExitsJobFailed_WithOneLineNamingTheFailingStepAndMessage_WhenTheDeployIsRolledBack()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        const string message = "apache2 -t failed: Syntax error on line 3 of vhost.conf";

        var run = user.RunAsync("instance", "create", name, "--hostname", TestNames.Hostname(name), "--worker", worker.Name, "--backend-email", "ops@example.com", "--wait");
        var job = await worker.ClaimAsync(run);
        var now = DateTimeOffset.UtcNow;
        await worker.ReportAsync(job,
            new StepEventReport("Preflight", StepPhase.Succeeded, now, 10),
            new StepEventReport("VirtualHost", StepPhase.Started, now),
            new StepEventReport("VirtualHost", StepPhase.Failed, now, 30, message),
            new StepEventReport("Preflight", StepPhase.RolledBack, now, 1));
        await worker.CompleteAsync(job, JobState.RolledBack, new JobErrorReport("VirtualHost", message, []));
        var result = await run;

        Assert.Equal(3, result.ExitCode);
        Assert.Matches(@"VirtualHost\s+Failed\s+30 ms\s+apache2 -t failed", result.Stdout);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"error: job {job.JobId} (Deploy of {name}) ended RolledBack: step VirtualHost failed: {message}", line);
    }

    [Fact]
    public async Task ActionWait_WithJsonOutput_PrintsOnlyTheFinishedJobOnStdout_AndListsLeftoversOnFailure()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        await user.CreateInstanceAsync(name, worker.Name);
        await worker.SucceedNextAsync();

        var run = user.RunAsync("instance", "decommission", name, "--wait", "--output", "json");
        var job = await worker.ClaimAsync(run);
        await worker.ReportAsync(job, new StepEventReport("Archive", StepPhase.Failed, DateTimeOffset.UtcNow, 40, "archive folder not writable"));
        await worker.CompleteAsync(job, JobState.NeedsAttention, new JobErrorReport("Archive", "archive folder not writable", ["vhost file /etc/apache2/sites-available/x.conf"]));
        var result = await run;

        Assert.Equal(3, result.ExitCode);
        var finished = JsonSerializer.Deserialize<JobResponse>(result.Stdout, CoreJson.Options)!;
        Assert.Equal(job.JobId, finished.Id);
        Assert.Equal(JobState.NeedsAttention, finished.State);
        Assert.Contains("Archive", result.Stderr, StringComparison.Ordinal);
        var line = Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("left behind: vhost file /etc/apache2/sites-available/x.conf", line, StringComparison.Ordinal);
        Assert.Contains($"dispatch instance backout {name}", line, StringComparison.Ordinal);
    }
}
