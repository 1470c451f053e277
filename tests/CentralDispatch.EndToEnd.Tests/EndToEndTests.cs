using System.Text.Json;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Provisioning.Engine;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// The product across processes: `dispatch serve`, `dispatch worker run` on a sandbox host and the REST API, as an
/// operator uses them. One dispatcher and one worker for the class; each test deploys its own instances.
/// </summary>
public sealed class EndToEndTests(EndToEndStack stack) : IClassFixture<EndToEndStack>
{
    private static readonly TimeSpan DeployPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CreatedInstance_BecomesActive_AndServesItsSiteOverHttpsWithItsOwnCertificate()
    {
        stack.Worker.EnsureRunning();
        var instance = TestInstance.On(stack.Worker, "e2e");

        await stack.Api.CreateInstanceAsync(instance.Request);
        var settled = await stack.Api.WaitUntilSettledAsync(instance.Name, DeployPatience, stack.Diagnostics);

        await InstanceChecks.AssertDeployedOnceAsync(stack, instance, settled);
        Assert.Null(settled.LastError);
        var job = Assert.Single(await stack.Api.JobsAsync(instance.Name));
        Assert.Equal((JobKind.Deploy, JobState.Succeeded, 1), (job.Kind, job.State, job.Attempt));
    }

    [Fact]
    public async Task DeployOfAReleaseTheWorkerDoesNotHave_EndsFailed_AndTheInstanceShowsPreflightAndWhy()
    {
        stack.Worker.EnsureRunning();
        var instance = TestInstance.On(stack.Worker, "e2e-norel", release: "no-such-release");

        await stack.Api.CreateInstanceAsync(instance.Request);
        await stack.Api.WaitUntilSettledAsync(instance.Name, DeployPatience, stack.Diagnostics);

        await AssertFailedAsync(instance.Name, "Preflight", "the release 'no-such-release' is not on this host");
        await InstanceChecks.AssertNothingLeftAsync(stack, instance.Name);
    }

    [Fact]
    public async Task DeployWhoseDatabaseUserAlreadyExists_EndsFailed_NamingTheUser_AndLeavesThatUserAlone()
    {
        stack.Worker.EnsureRunning();
        var instance = TestInstance.On(stack.Worker, "e2e-user");
        var user = DerivedNames.For(instance.Name).DatabaseUser;
        await stack.Worker.WaitUntilReadyAsync();
        await HostScan.SqlAsync(stack.Worker, $"CREATE USER '{user}'@'localhost' IDENTIFIED BY 'made-by-someone-else'");

        await stack.Api.CreateInstanceAsync(instance.Request);
        await stack.Api.WaitUntilSettledAsync(instance.Name, DeployPatience, stack.Diagnostics);

        await AssertFailedAsync(instance.Name, "Preflight", $"the database user {user} already exists and was not created by this deployment");
        var footprint = await InstanceChecks.SettledFootprintAsync(stack, instance.Name);
        Assert.True(footprint is { DatabaseUsers: 1, Databases: 0, CronLines: 0, Paths.Count: 0, Journals.Count: 0 }, footprint.ToString());
        await HostScan.SqlAsync(stack.Worker, $"DROP USER '{user}'@'localhost'");
    }

    [Fact]
    public async Task DeployFailingAtTheWebrootCopy_RollsBackTheDatabaseAndUser_AndTheInstanceShowsTheStepAndMessage()
    {
        stack.Worker.EnsureRunning();
        var release = TestNames.Unique("escaping");
        Releases.WriteWithEscapingLink(stack.Worker, release);
        var instance = TestInstance.On(stack.Worker, "e2e-copy", release);

        await stack.Api.CreateInstanceAsync(instance.Request);
        await stack.Api.WaitUntilSettledAsync(instance.Name, DeployPatience, stack.Diagnostics);

        await AssertFailedAsync(instance.Name, "Webroot", "is an absolute link to '/etc/passwd'");
        Assert.Equal(JobState.RolledBack, Assert.Single(await stack.Api.JobsAsync(instance.Name)).State);
        await InstanceChecks.AssertNothingLeftAsync(stack, instance.Name);
    }

    [Fact]
    public async Task WorkerRunOnce_RunsTheQueuedDeploy_AndExits0()
    {
        // The daemon would claim the job first: --once is how a host without the daemon (a root cron entry) works.
        await stack.Worker.StopAsync();
        var instance = TestInstance.On(stack.Worker, "e2e-once");
        await stack.Api.CreateInstanceAsync(instance.Request);
        Assert.Equal(JobState.Queued, Assert.Single(await stack.Api.JobsAsync(instance.Name)).State);

        var once = await stack.Worker.RunOnceAsync();

        Assert.True(once.ExitCode == 0, once.ToString());
        var settled = await stack.Api.GetInstanceAsync(instance.Name);
        Assert.Equal(JobState.Succeeded, Assert.Single(await stack.Api.JobsAsync(instance.Name)).State);
        // The site is checked with the daemon up again: --once stopped the sandbox servers when it exited.
        stack.Worker.Start();
        await stack.Worker.WaitUntilReadyAsync();
        await InstanceChecks.AssertDeployedOnceAsync(stack, instance, settled);
    }

    [Fact]
    public async Task WorkerRun_RefusesToStart_InOneLine_WhenTheCrashSwitchNamesNoCrashPoint()
    {
        var info = DispatchProcess.StartInfo(["worker", "run", "--config", stack.Worker.ConfigFile],
            new Dictionary<string, string> { [FaultInjection.Variable] = "during:Webroot" });

        var result = await DispatchProcess.RunAsync(info);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: CD_FAULT_KILL='during:Webroot' is not PHASE:STEP", line, StringComparison.Ordinal);
    }

    /// <summary>Failed, with the failing step and message in lastError, as any API client reads GET /api/v1/instances/{name}.</summary>
    private async Task AssertFailedAsync(string name, string step, string message)
    {
        using var json = await stack.Api.GetInstanceJsonAsync(name);
        var root = json.RootElement;
        var error = root.GetProperty("lastError");
        Assert.True(error.ValueKind == JsonValueKind.Object, $"no lastError on {name}: {root}\n{stack.Diagnostics()}");
        Assert.Equal("Failed", root.GetProperty("state").GetString());
        Assert.Equal(step, error.GetProperty("step").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString() ?? "", StringComparison.Ordinal);
    }
}
