using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// A redeploy of an Active instance to a new release, the worker killed with SIGKILL in the middle and started again:
/// the job must end Succeeded (the new release served, the previous tree gone) or rolled back (or cancelled: the old
/// release served, the new tree gone), the instance Active, and exactly one release tree left in its releases folder.
/// </summary>
public abstract class KilledRedeployScenario(EndToEndStack stack, ITestOutputHelper output) : KilledWorkerScenario(stack, output)
{
    /// <summary>
    /// Redeploys a new instance to a new release on a worker armed to kill itself at <paramref name="point"/>, runs
    /// <paramref name="whileDead"/> while it is down, restarts it, checks the end.
    /// </summary>
    protected async Task<(JobSummary Job, InstanceResponse Settled)> RedeployKilledAtAsync(string point, Func<SandboxWorker, string, string> writeRelease,
        Func<string, Task>? whileDead = null)
    {
        ArgumentNullException.ThrowIfNull(writeRelease);
        var (instance, active) = await DeployedAsync("kill-red");
        var release = Path.GetFileName(writeRelease(Stack.Worker, TestNames.Unique("next")));

        var settled = await KilledAtAsync(point, instance.Name,
            () => Stack.Api.ActAsync(instance.Name, "redeploy", new InstanceActionRequest(Release: release)),
            whileDead is null ? null : () => whileDead(instance.Name));

        var job = await AssertRedeployedOrRolledBackAsync(instance, active, settled, release);
        return (job, settled);
    }

    /// <summary>The two ends allowed: the new release live alone, or the old one live alone; Active either way, one of everything.</summary>
    private async Task<JobSummary> AssertRedeployedOrRolledBackAsync(TestInstance instance, InstanceResponse before, InstanceResponse settled, string release)
    {
        var (job, count) = await LatestJobAsync(instance.Name, JobKind.Redeploy);
        Assert.Equal(2, count);
        var layout = HostScan.Layout(Stack.Worker, instance.Name);
        if (job.State == JobState.Succeeded)
        {
            Assert.Equal(release, settled.Release);
            await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled, Releases.IndexText(release));
            InstanceChecks.AssertOnlyLiveTree(Stack.Worker, instance.Name, layout.TreeFor(release, job.Id));
            return job;
        }

        Assert.True(job.State is JobState.RolledBack or JobState.Cancelled, $"redeploy job {job.Id} ended {job.State}: {job.Error}\n{Stack.Diagnostics()}");
        Assert.Equal(before.Release, settled.Release);
        await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled);
        var deploy = (await Stack.Api.JobsAsync(instance.Name)).Single(j => j.Kind == JobKind.Deploy);
        InstanceChecks.AssertOnlyLiveTree(Stack.Worker, instance.Name, layout.TreeFor(before.Release, deploy.Id));
        return job;
    }
}
