using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Deploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>Kills at the boundaries of the deploy's last five steps, from the vhost file to the health check, and after its end.</summary>
public sealed class KilledWorkerLateStepsTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> LateBoundaries() => Boundaries(StepPhases, DeployStepNames.VirtualHost, DeployStepNames.EnableSite,
        DeployStepNames.ReloadWebServer, DeployStepNames.Cron, DeployStepNames.HealthCheck);

    [Theory]
    [MemberData(nameof(LateBoundaries))]
    public Task Deploy_WorkerKilledAtAStepBoundary_EndsDeployedOnceOrWithNothingLeft_AfterTheWorkerRestarts(string step, string phase) =>
        KillAtBoundaryAndRestartAsync(step, phase);

    /// <summary>Between the journaled result and the report: the restarted worker reports it (with the saved lease, or on the next attempt).</summary>
    [Fact]
    public async Task Deploy_WorkerKilledAfterJournalingSuccessButBeforeReportingIt_EndsActiveOnce_AfterTheWorkerRestarts()
    {
        var (instance, settled) = await DeployKilledAtAsync($"after-finish:{DeployPlan.Name}");

        Assert.Equal(JobState.Succeeded, Assert.Single(await Stack.Api.JobsAsync(instance.Name)).State);
        await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled);
    }
}
