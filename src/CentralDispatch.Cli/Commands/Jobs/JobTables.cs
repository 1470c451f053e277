using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>How jobs look in a terminal.</summary>
public static class JobTables
{
    public static IRenderable Show(JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var fields = Cells.Fields(
        [
            ("Job", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Kind", job.Kind.ToString()),
            ("Instance", job.Instance),
            ("Worker", job.Worker),
            ("State", job.State + (job.CancelRequested && !job.State.IsFinished() ? " (cancel requested)" : string.Empty)),
            ("Attempt", job.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Requested by", job.RequestedBy),
            ("Created", Cells.Time(job.CreatedAt)),
            ("Started", Cells.Time(job.StartedAt)),
            ("Finished", Cells.Time(job.FinishedAt)),
            ("Took", Cells.Duration(job.StartedAt, job.FinishedAt)),
            ("Error", job.Error),
        ]);
        if (job.Steps.Count == 0)
        {
            return fields;
        }

        var steps = Cells.Table("Attempt", "Step", "Phase", "At", "Duration", "Message");
        foreach (var step in job.Steps)
        {
            steps.AddRow(
                Cells.Text(step.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cells.Text(step.Step),
                Cells.Text(step.Phase.ToString(), PhaseColor(step.Phase)),
                Cells.Text(Cells.Time(step.At)),
                Cells.Text(Cells.Duration(step.DurationMs)),
                Cells.Text(step.Message));
        }

        return new Rows(fields, new Text(string.Empty), steps);
    }

    /// <summary>The live view of a running job: a title and one row per step of the current attempt.</summary>
    public static IRenderable Progress(JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = Cells.Table("Step", "State", "Duration", "Message");
        foreach (var row in StepProgressRow.Of(job))
        {
            table.AddRow(Cells.Text(row.Step), Cells.Text(row.Phase.ToString(), PhaseColor(row.Phase)), Cells.Text(Cells.Duration(row.DurationMs)), Cells.Text(row.Message));
        }

        if (job.Steps.Count == 0)
        {
            table.AddRow(Cells.Text(job.State == JobState.Queued ? "(waiting for the worker to claim the job)" : "(no step reported yet)"), Cells.Text(null), Cells.Text(null), Cells.Text(null));
        }

        // The title on a line of its own: as a table title it would wrap at the (narrow) table's width.
        return new Rows(new Text(Title(job), new Style(decoration: Decoration.Bold)), table);
    }

    public static string Title(JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var attempt = job.Attempt > 1 ? $", attempt {job.Attempt}" : string.Empty;
        return $"job {job.Id}: {job.Kind} of {job.Instance} on {job.Worker}: {job.State}{attempt}";
    }

    public static Color PhaseColor(StepPhase phase) => phase switch
    {
        StepPhase.Succeeded => Color.Green,
        StepPhase.Failed or StepPhase.RollbackFailed => Color.Red,
        StepPhase.RollingBack or StepPhase.RolledBack => Color.Yellow,
        StepPhase.Skipped => Color.Grey,
        _ => Color.Default,
    };
}
