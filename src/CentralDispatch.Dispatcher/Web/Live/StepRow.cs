using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>
/// One step of a job's latest attempt as it stands after the events so far: the live list and the timelines show these.
/// <paramref name="Removal"/>: the job's plan ends by removing what its steps took over (decommission, back-out), so an
/// undo is the job's work, not a failure's rollback, and is shown as a removal.
/// </summary>
public sealed record StepRow(string Step, StepPhase Phase, double? DurationMs, string? Message, bool Removal = false)
{
    /// <summary>The CSS token of the phase: running, done, failed, skipped, rolling-back, rolled-back, rollback-failed; removing, removed.</summary>
    public string Status => Phase switch
    {
        StepPhase.Started => "running",
        StepPhase.Succeeded => "done",
        StepPhase.Failed => "failed",
        StepPhase.Skipped => "skipped",
        StepPhase.RollingBack => Removal ? "removing" : "rolling-back",
        StepPhase.RolledBack => Removal ? "removed" : "rolled-back",
        _ => "rollback-failed",
    };

    public string Label => Phase switch
    {
        StepPhase.Started => "Running",
        StepPhase.Succeeded => "Done",
        StepPhase.RollingBack when Removal => "Removing",
        StepPhase.RolledBack when Removal => "Removed",
        StepPhase.RollbackFailed when Removal => "Removal failed",
        _ => Display.Words(Phase),
    };

    /// <summary>Whether a job of this kind ends by removing things: its undone steps read as removed.</summary>
    public static bool Removes(JobKind kind) => InstanceActions.ForKind(kind).EndsWithRemoval;

    public string Duration => Display.Duration(DurationMs);

    /// <summary>The rows of the latest attempt, in the order the steps first appeared; a later phase replaces an earlier one.</summary>
    public static IReadOnlyList<StepRow> Of(IReadOnlyList<StepEventResponse> events, JobKind kind)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        var attempt = events.Max(e => e.Attempt);
        var rows = new List<StepRow>();
        foreach (var e in events.Where(e => e.Attempt == attempt))
        {
            var index = rows.FindIndex(r => r.Step == e.Step);
            // A rollback event keeps the forward duration and message unless it brings its own.
            var row = index < 0
                ? new StepRow(e.Step, e.Phase, e.DurationMs, e.Message, Removes(kind))
                : new StepRow(e.Step, e.Phase, e.DurationMs ?? rows[index].DurationMs, e.Message ?? rows[index].Message, Removes(kind));
            if (index < 0)
            {
                rows.Add(row);
            }
            else
            {
                rows[index] = row;
            }
        }

        return rows;
    }
}
