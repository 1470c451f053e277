using System.Globalization;
using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>Job progress as appended lines (for pipes, logs and CI): the job's state changes and each step event once, as reported.</summary>
public sealed class PlainJobProgress(TextWriter writer)
{
    private JobState? _state;
    private int _attempt;
    private int _eventsPrinted;

    public async Task UpdateAsync(JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_state is null)
        {
            await writer.WriteLineAsync($"job {job.Id}: {job.Kind} of {job.Instance} on {job.Worker}: {job.State}");
        }
        else if (job.Attempt != _attempt && job.Attempt > 1)
        {
            await writer.WriteLineAsync($"job {job.Id}: attempt {job.Attempt} (the worker's lease on attempt {_attempt} ran out): {job.State}");
        }
        else if (job.State != _state && !job.State.IsFinished())
        {
            await writer.WriteLineAsync($"job {job.Id}: {job.State} (attempt {job.Attempt})");
        }

        foreach (var step in job.Steps.Skip(_eventsPrinted))
        {
            var duration = Cells.Duration(step.DurationMs);
            var line = string.Create(CultureInfo.InvariantCulture, $"  {step.Step,-18} {step.Phase,-14} {duration,9}");
            await writer.WriteLineAsync(string.IsNullOrEmpty(step.Message) ? line.TrimEnd() : $"{line}  {CliErrors.OneLine(step.Message)}");
        }

        _eventsPrinted = job.Steps.Count;
        if (job.State.IsFinished() && _state != job.State)
        {
            var took = Cells.Duration(job.StartedAt, job.FinishedAt);
            await writer.WriteLineAsync(took.Length > 0 ? $"job {job.Id}: {job.State} after {took}" : $"job {job.Id}: {job.State}");
        }

        _state = job.State;
        _attempt = job.Attempt;
    }
}
