using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Deploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>Kills at the boundaries of the deploy's last five steps, from the vhost file to the health check.</summary>
public sealed class KilledWorkerLateStepsTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> LateBoundaries() => Boundaries(StepPhases, DeployStepNames.VirtualHost, DeployStepNames.EnableSite,
        DeployStepNames.ReloadWebServer, DeployStepNames.Cron, DeployStepNames.HealthCheck);

    [Theory]
    [MemberData(nameof(LateBoundaries))]
    public Task Deploy_WorkerKilledAtAStepBoundary_EndsDeployedOnceOrWithNothingLeft_AfterTheWorkerRestarts(string step, string phase) =>
        KillAtBoundaryAndRestartAsync(step, phase);
}
