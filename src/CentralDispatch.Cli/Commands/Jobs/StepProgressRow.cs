using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>One step of a job's current attempt as it stands now: its latest phase, duration and message.</summary>
public sealed record StepProgressRow(string Step, StepPhase Phase, double? DurationMs, string? Message)
{
    /// <summary>The steps of the job's latest attempt, in the order they first appeared.</summary>
    public static IReadOnlyList<StepProgressRow> Of(JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var rows = new List<StepProgressRow>();
        var attempt = job.Steps.Count == 0 ? job.Attempt : job.Steps.Max(s => s.Attempt);
        foreach (var step in job.Steps.Where(s => s.Attempt == attempt))
        {
            var index = rows.FindIndex(r => r.Step == step.Step);
            var previous = index >= 0 ? rows[index] : null;

            // A rollback event of a step keeps the forward duration unless it reports its own.
            var row = new StepProgressRow(step.Step, step.Phase, step.DurationMs ?? previous?.DurationMs, step.Message ?? previous?.Message);
            if (index >= 0)
            {
                rows[index] = row;
            }
            else
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
