using System.Diagnostics;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>
/// A crash switch for the end-to-end tests: the claim that a worker killed with SIGKILL at any step boundary resumes
/// without duplicates or orphans can only be tested if the kill lands exactly there, which a test cannot time from
/// outside. Off unless the environment variable <see cref="Variable"/> is set, e.g. <c>CD_FAULT_KILL=after:Webroot</c>:
/// phase <c>before</c> (StepStarted journaled, Apply not begun), <c>after</c> (Apply and Verify done, StepSucceeded not
/// journaled) or <c>after-journal</c> (StepSucceeded journaled), or during a rollback <c>before-undo</c> (the step's
/// rollback journaled as started, nothing removed) or <c>after-undo</c> (its first resource removed, not yet journaled
/// as removed); then a step name of the plan. Or <c>after-finish</c> with the plan's name (e.g. after-finish:Deploy):
/// the job's result is journaled but not reported yet. The worker sends itself SIGKILL at that point of the first job
/// that reaches it: no cleanup, no flush, as a power cut or kill -9.
/// </summary>
public sealed class FaultInjection
{
    public const string Variable = "CD_FAULT_KILL";

    private static readonly Dictionary<string, FaultPoint> Phases = new(StringComparer.Ordinal)
    {
        ["before"] = FaultPoint.BeforeApply,
        ["after"] = FaultPoint.AfterVerify,
        ["after-journal"] = FaultPoint.AfterJournal,
        ["before-undo"] = FaultPoint.BeforeUndo,
        ["after-undo"] = FaultPoint.AfterUndo,
        ["after-finish"] = FaultPoint.AfterFinish,
    };

    private readonly FaultPoint _point;
    private readonly string? _step;

    private FaultInjection(FaultPoint point, string? step)
    {
        _point = point;
        _step = step;
    }

    /// <summary>Never kills.</summary>
    public static FaultInjection None { get; } = new(FaultPoint.BeforeApply, null);

    public bool IsArmed => _step is not null;

    /// <summary>The switch as set in the worker's environment; <see cref="None"/> when the variable is unset or empty.</summary>
    public static FaultInjection FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Parses <c>PHASE:STEP</c>; a value that is set but wrong stops the worker rather than being ignored.</summary>
    public static FaultInjection Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var separator = value.IndexOf(':', StringComparison.Ordinal);
        var phase = separator < 0 ? value : value[..separator];
        var step = separator < 0 ? string.Empty : value[(separator + 1)..];
        if (!Phases.TryGetValue(phase, out var point) || step.Length == 0)
        {
            throw new FaultInjectionException(
                $"{Variable}='{value}' is not PHASE:STEP with PHASE one of {string.Join(", ", Phases.Keys)} (e.g. before:Webroot); unset it to run normally.");
        }

        return new FaultInjection(point, step);
    }

    /// <summary>Whether <see cref="At"/> kills at <paramref name="point"/> of <paramref name="step"/> (step names match exactly).</summary>
    public bool IsArmedFor(FaultPoint point, string step) => _step is not null && point == _point && string.Equals(step, _step, StringComparison.Ordinal);

    /// <summary>Kills this process when armed for <paramref name="point"/> of <paramref name="step"/>; otherwise does nothing.</summary>
    public void At(FaultPoint point, string step)
    {
        if (!IsArmedFor(point, step))
        {
            return;
        }

        // Written straight to stderr: the logger's queue would die unflushed with the process.
        Console.Error.WriteLine($"{Variable}: killing the worker (SIGKILL) {ToString()}");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
        Thread.Sleep(Timeout.Infinite); // the signal is on its way; nothing after this point may run
    }

    public override string ToString() => _step is null ? "off" : $"{Phases.First(p => p.Value == _point).Key}:{_step}";
}
