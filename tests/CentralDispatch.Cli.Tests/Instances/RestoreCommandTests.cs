using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Instances;

/// <summary>`dispatch instance restore` against a real dispatcher, the test acting as the worker.</summary>
public sealed class RestoreCommandTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task Restore_PrintsTheInstanceAsJson_AndTheDeployItQueuesReadsTheArchive()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var (name, archive) = await ArchivedAsync(user, worker);

        var restored = await user.JsonAsync<InstanceResponse>("instance", "restore", name);
        var job = await worker.ClaimAsync();

        Assert.Equal(InstanceState.Pending, restored.State);
        Assert.Equal(JobKind.Deploy, restored.CurrentJob!.Kind);
        Assert.Equal(archive, job.Parameters.RestoreFromArchive);
        Assert.Equal(name, job.Instance.Name);
    }

    [Fact]
    public async Task RestoreWait_UnderANewNameAndHostname_Exits0WhenTheDeploySucceeds_AndPrintsTheActiveInstance()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var (name, archive) = await ArchivedAsync(user, worker);
        var copy = TestNames.Unique("copy");

        var run = user.RunAsync("instance", "restore", name, "--name", copy, "--hostname", TestNames.Hostname(copy), "--wait", "--output", "json");
        var job = await worker.ClaimAsync(run);
        await worker.CompleteAsync(job, JobState.Succeeded, facts: new JobFactsReport(Url: $"https://{TestNames.Hostname(copy)}/"));
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        var final = System.Text.Json.JsonSerializer.Deserialize<InstanceResponse>(result.Stdout, Core.Json.CoreJson.Options)!;
        Assert.Equal(copy, final.Name);
        Assert.Equal(InstanceState.Active, final.State);
        Assert.Equal(archive, job.Parameters.RestoreFromArchive);
        Assert.Equal(TestNames.Hostname(copy), job.Instance.Hostname);
    }

    [Fact]
    public async Task Restore_OfAnInstanceThatIsNotArchived_Exits1WithOneLineGivingTheReason()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        await user.CreateInstanceAsync(name, worker.Name);

        var result = await user.RunAsync("instance", "restore", name);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Pending", line, StringComparison.Ordinal);
        Assert.Contains("restore", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WithABadHostname_Exits1NamingTheOption_AndLeavesTheInstanceArchived()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var (name, _) = await ArchivedAsync(user, worker);

        var result = await user.RunAsync("instance", "restore", name, "--hostname", "Not_A_Host!");
        var shown = await user.JsonAsync<InstanceResponse>("instance", "show", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--hostname:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(InstanceState.Archived, shown.State);
    }

    /// <summary>An instance deployed and decommissioned through the CLI, the fake worker reporting an archive path.</summary>
    private static async Task<(string Name, string Archive)> ArchivedAsync(CliUser user, FakeWorker worker)
    {
        var name = TestNames.Unique("arc");
        await user.CreateInstanceAsync(name, worker.Name);
        await worker.SucceedNextAsync();
        var decommission = await user.RunAsync("instance", "decommission", name, "--yes");
        Assert.True(decommission.ExitCode == 0, decommission.ToString());
        var job = await worker.ClaimAsync();
        var archive = $"/var/lib/centraldispatch/archives/{name}-job{job.JobId}.tar.gz";
        await worker.CompleteAsync(job, JobState.Succeeded, facts: new JobFactsReport(ArchivePath: archive));
        return (name, archive);
    }
}
