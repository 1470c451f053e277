using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Redeploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>Kills at the boundaries of the redeploy's first three steps: up to the new tree, and around the switch of the webroot link.</summary>
public sealed class KilledWorkerRedeployTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledRedeployScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> FirstBoundaries() =>
        Boundaries((StepEnds, DeployStepNames.Preflight), (StepEnds, RedeployPlan.ReleaseTreeStep), (StepPhases, SwitchStep.StepName));

    [Theory]
    [MemberData(nameof(FirstBoundaries))]
    public Task Redeploy_WorkerKilledAtAStepBoundary_ServesTheNewReleaseOrTheOldAloneWithOneTree_AfterTheWorkerRestarts(string step, string phase) =>
        RedeployKilledAtAsync($"{phase}:{step}", Releases.WriteNamed);

    /// <summary>
    /// The new tree is live when the worker dies; its lease runs out and the job goes back to the queue as the next
    /// attempt, and the operator cancels it before the host is back. The host still has the half-done redeploy: the
    /// cancel must reach the worker, which points the webroot back and removes the new tree, and the instance must not
    /// stay Updating.
    /// </summary>
    [Fact]
    public async Task Redeploy_CancelledWhileItsWorkerIsDownAfterTheSwitch_ServesTheOldReleaseAloneAndEndsCancelled_AfterTheWorkerRestarts()
    {
        var (job, settled) = await RedeployKilledAtAsync($"after-journal:{SwitchStep.StepName}", Releases.WriteNamed,
            name => CancelOnceRequeuedAsync(name, JobKind.Redeploy));

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal(InstanceState.Active, settled.State);
    }
}
