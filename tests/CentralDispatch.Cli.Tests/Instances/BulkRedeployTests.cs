using System.Text.Json;
using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Instances;

public sealed class BulkRedeployTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task RedeployWorker_QueuesOneJobPerActiveInstance_AndSkipsTheOthersWithTheReason()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var active = new[] { TestNames.Unique("a"), TestNames.Unique("b") };
        var pending = TestNames.Unique("p");
        foreach (var name in active.Append(pending))
        {
            await user.CreateInstanceAsync(name, worker.Name);
        }

        await worker.SucceedNextAsync();
        await worker.SucceedNextAsync();

        var batch = await user.JsonAsync<JsonElement>("instance", "redeploy", "--release", "r2", "--worker", worker.Name);

        var queued = batch.GetProperty("queued").EnumerateArray().Select(q => q.GetProperty("instance").GetString()).Order().ToList();
        Assert.Equal(active.Order(), queued);
        var skipped = Assert.Single(batch.GetProperty("skipped").EnumerateArray());
        Assert.Equal(pending, skipped.GetProperty("instance").GetString());
        Assert.Contains("Pending", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        foreach (var name in active)
        {
            var instance = await user.JsonAsync<InstanceResponse>("instance", "show", name);
            Assert.Equal(JobKind.Redeploy, instance.CurrentJob?.Kind);
            Assert.Equal(JobState.Queued, instance.CurrentJob?.State);
        }
    }

    [Fact]
    public async Task RedeployNames_WithWait_ReportsEachJobAsItFinishes_AndExitsJobFailedWhenOneFailed()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var names = new[] { TestNames.Unique("a"), TestNames.Unique("b") };
        foreach (var name in names)
        {
            await user.CreateInstanceAsync(name, worker.Name);
            await worker.SucceedNextAsync();
        }

        var run = user.RunAsync("instance", "redeploy", "--release", "r2", names[0], names[1], "--wait");
        var first = await worker.ClaimAsync(run);
        await worker.CompleteAsync(first, JobState.Succeeded, facts: new JobFactsReport(Release: "r2"));
        var second = await worker.ClaimAsync();
        await worker.CompleteAsync(second, JobState.RolledBack, new JobErrorReport("HealthCheck", "the new release answered 500", []));
        var result = await run;

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Queued 2 of 2 instance(s) for release r2; 0 skipped.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{first.Instance.Name}: Succeeded (job {first.JobId}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"job {second.JobId} (Redeploy of {second.Instance.Name}) ended RolledBack: step HealthCheck failed: the new release answered 500", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[2/2]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Batch finished: 1 succeeded, 1 did not.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeploy_WithoutAnySelection_Exits1WithOneLine()
    {
        using var user = new CliUser(Host);

        var result = await user.RunAsync("instance", "redeploy", "--release", "r2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: NAME: give one instance NAME", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
