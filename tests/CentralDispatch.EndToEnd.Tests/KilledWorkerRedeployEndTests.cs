using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Redeploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// Kills at the boundaries of the redeploy's last two steps (health check of the new release, removal of the previous
/// tree), after its journaled result, and while a redeploy that failed its health check points the webroot back.
/// </summary>
public sealed class KilledWorkerRedeployEndTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledRedeployScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> LastBoundaries() =>
        Boundaries((StepEnds, DeployStepNames.HealthCheck), (StepPhases, RemovePreviousTreeStep.StepName), (["after-finish"], RedeployPlan.Name));

    [Theory]
    [MemberData(nameof(LastBoundaries))]
    public Task Redeploy_WorkerKilledAtAStepBoundary_ServesTheNewReleaseOrTheOldAloneWithOneTree_AfterTheWorkerRestarts(string step, string phase) =>
        RedeployKilledAtAsync($"{phase}:{step}", Releases.WriteNamed);

    /// <summary>
    /// The new release has no index page, so the health check after the switch fails (after its patience) and the
    /// rollback points the webroot back; the worker dies once the link is back but before that is journaled.
    /// </summary>
    [Fact]
    public async Task FailedRedeploy_WorkerKilledAfterPointingTheWebrootBack_ServesTheOldReleaseAloneWithItsFailure_AfterTheWorkerRestarts()
    {
        var (job, settled) = await RedeployKilledAtAsync($"after-undo:{SwitchStep.StepName}", Releases.WriteWithoutIndex);

        Assert.Equal(JobState.RolledBack, job.State);
        Assert.Equal(DeployStepNames.HealthCheck, settled.LastError?.Step);
    }
}
