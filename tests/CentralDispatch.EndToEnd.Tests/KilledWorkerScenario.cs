using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Engine;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// The worker process killed with SIGKILL in the middle of a deploy, then started again: the job must end Active
/// with one of everything, or rolled back with nothing left, and its journal acknowledged. The kill lands exactly at
/// a step boundary through the worker's crash switch (<see cref="FaultInjection"/>), or in the middle of the webroot
/// copy from outside. The dispatcher's short lease hands the dead worker's job back within seconds.
/// The cases are split between test classes (early steps, late steps, rollback), each with its own dispatcher and
/// worker, so that they run side by side.
/// </summary>
public abstract class KilledWorkerScenario(EndToEndStack stack, ITestOutputHelper output)
{
    /// <summary>From the create request to the kill: the worker starts its servers, claims and runs up to the point.</summary>
    protected static readonly TimeSpan KillPatience = TimeSpan.FromMinutes(2);

    /// <summary>From the restart to the end of the job: servers, lease expiry, requeue, the rest of the plan.</summary>
    protected static readonly TimeSpan RecoveryPatience = TimeSpan.FromMinutes(3);

    /// <summary>The crash switch's phases around a deploy step's Apply.</summary>
    protected static readonly string[] StepPhases = ["before", "after", "after-journal"];

    /// <summary>The crash switch's phases around a step's undo in a rollback.</summary>
    protected static readonly string[] UndoPhases = ["before-undo", "after-undo"];

    protected EndToEndStack Stack => stack;

    protected ITestOutputHelper Output => output;

    /// <summary>Every phase given of each step given, as (step, phase) rows.</summary>
    protected static TheoryData<string, string> Boundaries(IReadOnlyList<string> phases, params string[] steps)
    {
        var data = new TheoryData<string, string>();
        foreach (var step in steps)
        {
            foreach (var phase in phases)
            {
                data.Add(step, phase);
            }
        }

        return data;
    }

    /// <summary>Deploys a new instance on a worker armed to kill itself at <paramref name="phase"/>:<paramref name="step"/>, restarts it unarmed, checks the end.</summary>
    protected async Task KillAtBoundaryAndRestartAsync(string step, string phase)
    {
        var (instance, settled) = await DeployKilledAtAsync($"{phase}:{step}");
        await AssertDeployedOnceOrNothingLeftAsync(instance, settled);
        output.WriteLine("checked");
    }

    /// <summary>
    /// Deploys a new instance (of <paramref name="release"/>, or the default release) on a worker armed to kill itself
    /// at <paramref name="point"/>, checks that it died there by SIGKILL, restarts it unarmed and waits for the job's end.
    /// </summary>
    protected async Task<(TestInstance Instance, InstanceResponse Settled)> DeployKilledAtAsync(string point, string? release = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await stack.Worker.StopAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the previous worker stopped");
        var instance = TestInstance.On(stack.Worker, "kill", release);
        stack.Worker.Start(faultKill: point);

        await stack.Api.CreateInstanceAsync(instance.Request);
        var killed = stack.Worker.Process!;
        Assert.True(await killed.WaitForExitAsync(KillPatience), $"the worker was not killed at {point}\n{stack.Diagnostics()}");
        Assert.True(killed.ExitCode == 137, $"the worker exited with {killed.ExitCode}, not by SIGKILL\n{killed.Output}");
        Assert.Contains($"{FaultInjection.Variable}: killing the worker (SIGKILL) {point}", killed.Output, StringComparison.Ordinal);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the worker killed itself at {point}");

        stack.Worker.Start();
        var settled = await stack.Api.WaitUntilSettledAsync(instance.Name, RecoveryPatience, stack.Diagnostics);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the restarted worker finished the job");
        return (instance, settled);
    }

    /// <summary>The two ends allowed after a crash: Active with one of everything, or Failed with nothing left.</summary>
    protected async Task AssertDeployedOnceOrNothingLeftAsync(TestInstance instance, InstanceResponse settled)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(settled);
        var job = Assert.Single(await stack.Api.JobsAsync(instance.Name));
        output.WriteLine($"{instance.Name}: instance {settled.State}, job {job.State} after {job.Attempt} attempt(s)");
        if (settled.State == InstanceState.Active)
        {
            Assert.Equal(JobState.Succeeded, job.State);
            await InstanceChecks.AssertDeployedOnceAsync(stack, instance, settled);
            return;
        }

        Assert.True(settled.State == InstanceState.Failed && job.State == JobState.RolledBack,
            $"{instance.Name} is {settled.State} (job {job.State}): {settled.LastError}\n{stack.Diagnostics()}");
        await InstanceChecks.AssertNothingLeftAsync(stack, instance.Name);
    }
}
