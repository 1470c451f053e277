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
        var webroot = Path.Combine(Stack.Worker.Options.Paths.InstallPath, instance.Name);
        var total = Releases.CountFiles(release);

        await Stack.Api.CreateInstanceAsync(instance.Request);
        var copied = await KillOnceTheCopyStartedAsync(webroot);
        Output.WriteLine($"killed the worker with {copied} of {total} release files in the webroot");

        Stack.Worker.Start();
        var settled = await Stack.Api.WaitUntilSettledAsync(instance.Name, RecoveryPatience, Stack.Diagnostics);

        await AssertDeployedOnceOrNothingLeftAsync(instance, settled);
        if (settled.State == InstanceState.Active)
        {
            Assert.Equal(total + 1, Releases.CountFiles(webroot)); // the release and the instance's config file, nothing half-copied
        }
    }

    /// <summary>
    /// Watches (tightly, on its own thread) for the first file in the new webroot and kills the worker right then. If
    /// the copy outruns the watch, the kill lands later in the job, and the test still checks the same end state.
    /// </summary>
    private async Task<int> KillOnceTheCopyStartedAsync(string webroot)
    {
        var worker = Stack.Worker.Process!;
        var seen = await Task.Factory.StartNew(() =>
        {
            var deadline = DateTimeOffset.UtcNow + KillPatience;
            while (DateTimeOffset.UtcNow < deadline && !worker.HasExited)
            {
                if (Directory.Exists(webroot) && Directory.EnumerateFiles(webroot, "*", SearchOption.AllDirectories).Any())
                {
                    return true;
                }

                Thread.Sleep(1);
            }

            return false;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Stack.Worker.KillAsync();
        Assert.True(seen, $"the copy into {webroot} never started\n{Stack.Diagnostics()}");
        return Releases.CountFiles(webroot);
    }
}
