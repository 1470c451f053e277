using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Worker.Provisioning.Engine;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// The worker process killed with SIGKILL in the middle of a job (a deploy, or a lifecycle job of a deployed instance),
/// then started again: a deploy must end Active with one of everything, or rolled back with nothing left, and its
/// journal acknowledged; the lifecycle classes check their plan's ends. The kill lands exactly at a step boundary
/// through the worker's crash switch (<see cref="FaultInjection"/>), or from outside in the middle of a long step (the
/// webroot copy, the archive, the load of a dump). The dispatcher's short lease hands the dead worker's job back within
/// seconds. The cases are split between test classes, each with its own dispatcher and worker, so that they run side by side.
/// </summary>
public abstract class KilledWorkerScenario(EndToEndStack stack, ITestOutputHelper output)
{
    /// <summary>From the create request to the kill: the worker starts its servers, claims and runs up to the point.</summary>
    protected static readonly TimeSpan KillPatience = TimeSpan.FromMinutes(2);

    /// <summary>From the restart to the end of the job: servers, lease expiry, requeue, the rest of the plan.</summary>
    protected static readonly TimeSpan RecoveryPatience = TimeSpan.FromMinutes(3);

    /// <summary>The crash switch's phases around a deploy step's Apply.</summary>
    protected static readonly string[] StepPhases = ["before", "after", "after-journal"];

    /// <summary>A step's two ends: nothing of it journaled but its start, and its success journaled.</summary>
    protected static readonly string[] StepEnds = ["before", "after-journal"];

    /// <summary>The crash switch's phases around a step's undo in a rollback.</summary>
    protected static readonly string[] UndoPhases = ["before-undo", "after-undo"];

    protected EndToEndStack Stack => stack;

    protected ITestOutputHelper Output => output;

    /// <summary>Every phase given of each step given, as (step, phase) rows.</summary>
    protected static TheoryData<string, string> Boundaries(IReadOnlyList<string> phases, params string[] steps) =>
        Boundaries(steps.Select(step => (phases, step)).ToArray());

    /// <summary>The phases given of each step, as (step, phase) rows.</summary>
    protected static TheoryData<string, string> Boundaries(params (IReadOnlyList<string> Phases, string Step)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var data = new TheoryData<string, string>();
        foreach (var (phases, step) in steps)
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
        var instance = TestInstance.On(stack.Worker, "kill", release);
        var settled = await KilledAtAsync(point, instance.Name, () => stack.Api.CreateInstanceAsync(instance.Request));
        return (instance, settled);
    }

    /// <summary>
    /// Restarts the worker armed to kill itself at <paramref name="point"/>, queues a job of <paramref name="instance"/>
    /// with <paramref name="queue"/>, checks that the worker died there by SIGKILL, runs <paramref name="whileDead"/> (an
    /// operator's action while the host is down), restarts it unarmed and waits until the instance's jobs are over.
    /// </summary>
    protected async Task<InstanceResponse> KilledAtAsync(string point, string instance, Func<Task> queue, Func<Task>? whileDead = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await stack.Worker.StopAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the previous worker stopped");
        stack.Worker.Start(faultKill: point);

        await queue();
        var killed = stack.Worker.Process!;
        Assert.True(await killed.WaitForExitAsync(KillPatience), $"the worker was not killed at {point}\n{stack.Diagnostics()}");
        Assert.True(killed.ExitCode == 137, $"the worker exited with {killed.ExitCode}, not by SIGKILL\n{killed.Output}");
        Assert.Contains($"{FaultInjection.Variable}: killing the worker (SIGKILL) {point}", killed.Output, StringComparison.Ordinal);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the worker killed itself at {point}");
        return await AfterTheKillAsync(instance, clock, whileDead);
    }

    /// <summary>
    /// Queues a job of <paramref name="instance"/> with <paramref name="queue"/> on the running (unarmed) worker and
    /// kills it with SIGKILL from outside as soon as <paramref name="reached"/> holds (checked tightly, and the kill
    /// sent, on a thread of its own); then runs <paramref name="whileDead"/>, restarts the worker and waits until the
    /// instance's jobs are over. If the job outruns the watch, the kill lands later, and the caller checks the same ends.
    /// </summary>
    protected async Task<InstanceResponse> KilledWhenAsync(Func<bool> reached, string what, string instance, Func<Task> queue,
        Func<Task>? whileDead = null)
    {
        ArgumentNullException.ThrowIfNull(reached);
        ArgumentNullException.ThrowIfNull(queue);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        stack.Worker.EnsureRunning();
        await stack.Worker.WaitUntilReadyAsync();
        var worker = stack.Worker.Process!;
        var watch = Task.Factory.StartNew(() =>
        {
            var deadline = DateTimeOffset.UtcNow + KillPatience;
            var seen = false;
            while (!seen && DateTimeOffset.UtcNow < deadline && !worker.HasExited)
            {
                seen = reached();
                if (!seen)
                {
                    Thread.Sleep(1);
                }
            }

            worker.KillAsync().GetAwaiter().GetResult();
            return seen;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await queue();
        Assert.True(await watch, $"{what} never happened\n{stack.Diagnostics()}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed the worker once {what}");
        return await AfterTheKillAsync(instance, clock, whileDead);
    }

    /// <summary>A new instance deployed by the unarmed worker and Active: where a lifecycle job starts from.</summary>
    protected async Task<(TestInstance Instance, InstanceResponse Active)> DeployedAsync(string prefix, string? release = null)
    {
        stack.Worker.EnsureRunning();
        var instance = TestInstance.On(stack.Worker, prefix, release);
        await stack.Api.CreateInstanceAsync(instance.Request);
        var active = await stack.Api.WaitUntilSettledAsync(instance.Name, RecoveryPatience, stack.Diagnostics);
        Assert.True(active.State == InstanceState.Active, $"{instance.Name} is {active.State}: {active.LastError}\n{stack.Diagnostics()}");
        return (instance, active);
    }

    /// <summary>Queues a job with the unarmed worker and waits until the instance's jobs are over: a step of a test's set-up.</summary>
    protected async Task<InstanceResponse> SettledAfterAsync(string instance, Func<Task> queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        stack.Worker.EnsureRunning();
        await queue();
        return await stack.Api.WaitUntilSettledAsync(instance, RecoveryPatience, stack.Diagnostics);
    }

    /// <summary>
    /// An operator's cancel while the worker is down: waits until the instance's <paramref name="kind"/> job is back in the
    /// queue as its next attempt (the dead worker's lease ran out), and cancels it.
    /// </summary>
    protected async Task CancelOnceRequeuedAsync(string instance, JobKind kind)
    {
        var requeued = await stack.Api.WaitForJobAsync(instance, j => j.Kind == kind && j is { State: JobState.Queued, Attempt: > 1 },
            KillPatience, stack.Diagnostics);
        var cancel = await stack.Api.CancelJobAsync(requeued.Id);
        output.WriteLine($"cancelled job {cancel.Id} ({cancel.Kind}, attempt {cancel.Attempt}): {cancel.State}, cancel requested {cancel.CancelRequested}");
    }

    /// <summary>The instance's newest job, which must be of <paramref name="kind"/>, and how many jobs it has had.</summary>
    protected async Task<(JobSummary Job, int Count)> LatestJobAsync(string instance, JobKind kind)
    {
        var jobs = await stack.Api.JobsAsync(instance);
        var latest = jobs.MaxBy(j => j.Id)!;
        Assert.Equal(kind, latest.Kind);
        output.WriteLine($"{instance}: job {latest.Id} {latest.Kind} {latest.State} after {latest.Attempt} attempt(s): {latest.Error}");
        return (latest, jobs.Count);
    }

    /// <summary>Runs <paramref name="whileDead"/>, restarts the worker unarmed and waits until the instance's jobs are over.</summary>
    private async Task<InstanceResponse> AfterTheKillAsync(string instance, System.Diagnostics.Stopwatch clock, Func<Task>? whileDead)
    {
        if (whileDead is not null)
        {
            await whileDead();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: acted while the worker was down");
        }

        stack.Worker.Start();
        var settled = await stack.Api.WaitUntilSettledAsync(instance, RecoveryPatience, stack.Diagnostics);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the restarted worker finished the job; {instance} is {settled.State}");
        return settled;
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
