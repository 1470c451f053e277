using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>Turns a finished job into the exit code, and a job that did not succeed into one error line naming the failing step, its message and any leftovers.</summary>
public static class JobOutcome
{
    public static async Task<int> ReportAsync(ApiSession session, JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == JobState.Succeeded)
        {
            return ExitCodes.Success;
        }

        await CliErrors.WriteAsync(await DescribeAsync(session, job));
        return ExitCodes.JobFailed;
    }

    public static async Task<string> DescribeAsync(ApiSession session, JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(job);
        var head = $"job {job.Id} ({job.Kind} of {job.Instance}) ended {job.State}";
        if (job.State == JobState.Cancelled)
        {
            return $"{head}: it was cancelled";
        }

        var error = await InstanceErrorAsync(session, job);
        var failed = job.Steps.LastOrDefault(s => s.Phase == StepPhase.Failed);
        var step = error?.Step ?? failed?.Step;
        var message = error?.Message ?? job.Error ?? failed?.Message ?? "no error was reported";
        var line = step is null ? $"{head}: {message}" : $"{head}: step {step} failed: {message}";
        if (error is { Leftovers.Count: > 0 })
        {
            line += $"; left behind: {string.Join(", ", error.Leftovers)}";
        }

        if (job.State == JobState.NeedsAttention)
        {
            line += $"; clean up with `dispatch instance {InstanceActions.Get<BackOutAction>().Slug} {job.Instance}`";
        }

        return line;
    }

    /// <summary>The instance's last error, when it belongs to this job: it names the step and the leftovers.</summary>
    private static async Task<InstanceErrorResponse?> InstanceErrorAsync(ApiSession session, JobResponse job)
    {
        try
        {
            var instance = await session.Api.GetAsync<InstanceResponse>($"api/v1/instances/{Uri.EscapeDataString(job.Instance)}", session.CancellationToken);
            return instance.Value.LastError is { } error && (error.JobId is null || error.JobId == job.Id) ? error : null;
        }
        catch (CliException)
        {
            // The job's own error is enough to report; the instance may be gone or unreachable for a moment.
            return null;
        }
    }
}
