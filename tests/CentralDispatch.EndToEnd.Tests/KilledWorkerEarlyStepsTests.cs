using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Provisioning.Deploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>Kills at the boundaries of the deploy's first five steps, and in the middle of the webroot copy.</summary>
public sealed class KilledWorkerEarlyStepsTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> EarlyBoundaries() => Boundaries(StepPhases, DeployStepNames.Preflight, DeployStepNames.DatabaseUser,
        DeployStepNames.Database, DeployStepNames.Webroot, DeployStepNames.Certificates);

    [Theory]
    [MemberData(nameof(EarlyBoundaries))]
    public Task Deploy_WorkerKilledAtAStepBoundary_EndsDeployedOnceOrWithNothingLeft_AfterTheWorkerRestarts(string step, string phase) =>
        KillAtBoundaryAndRestartAsync(step, phase);

    [Fact]
    public async Task Deploy_WorkerKilledInTheMiddleOfTheWebrootCopy_EndsDeployedOnceOrWithNothingLeft_AfterTheWorkerRestarts()
    {
        Stack.Worker.EnsureRunning();
        await Stack.Worker.WaitUntilReadyAsync();
        var release = Releases.WriteLarge(Stack.Worker, TestNames.Unique("large"), files: 4000);
        var instance = TestInstance.On(Stack.Worker, "kill-copy", Path.GetFileName(release));
        var layout = HostScan.Layout(Stack.Worker, instance.Name);
        var total = Releases.CountFiles(release);

        // The copy goes into a tree in the instance's releases folder; the webroot link to it comes after the copy.
        var settled = await KilledWhenAsync(() => Releases.CountFiles(layout.ReleasesFolder) > 1, "the copy into the release tree started",
            instance.Name, () => Stack.Api.CreateInstanceAsync(instance.Request));

        await AssertDeployedOnceOrNothingLeftAsync(instance, settled);
        if (settled.State == InstanceState.Active)
        {
            Assert.Equal(total, Releases.CountFiles(layout.Webroot)); // the release, nothing half-copied (the config file is outside the tree)
        }
    }
}
