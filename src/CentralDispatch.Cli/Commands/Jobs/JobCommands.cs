using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>`dispatch job show|cancel`.</summary>
public static class JobCommands
{
    public static Command Build()
    {
        var job = new Command("job", "Show and cancel jobs (one operation on one instance).");
        job.Subcommands.Add(Show());
        job.Subcommands.Add(Cancel());
        return job;
    }

    public static Argument<long> IdArgument() => new("ID") { Description = "The job's number." };

    private static Command Show()
    {
        var id = IdArgument();
        var wait = ActionOptions.Wait();
        var command = new Command("show", "Show a job with its step events; --wait follows it until it finishes.") { id, wait };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var jobId = result.GetValue(id);
            if (result.GetValue(wait))
            {
                return await FollowAndReportAsync(session, jobId, printJson: true);
            }

            var job = await session.Api.GetAsync<JobResponse>($"api/v1/jobs/{jobId}", session.CancellationToken);
            await session.Console.ShowAsync(job, JobTables.Show);

            return ExitCodes.Success;
        });
    }

    private static Command Cancel()
    {
        var id = IdArgument();
        var command = new Command("cancel", "Cancel a job no worker has started at once, or ask a started one to stop and roll back.") { id };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var jobId = result.GetValue(id);
            var job = await session.Api.PostAsync<JobResponse>($"api/v1/jobs/{jobId}/cancel", null, session.CancellationToken);
            await session.Console.ShowAsync(job, v => v.State == JobState.Cancelled
                    ? $"Cancelled job {jobId} ({v.Kind} of {v.Instance})."
                    : $"Asked job {jobId} ({v.Kind} of {v.Instance}, {v.State}) to stop; the worker rolls back what it did. Follow it with `dispatch job show {jobId} --wait`.");

            return ExitCodes.Success;
        });
    }

    /// <summary>Follows the job to its end; prints its final JSON when asked for JSON; returns the exit code of its outcome.</summary>
    public static async Task<int> FollowAndReportAsync(ApiSession session, long jobId, bool printJson)
    {
        ArgumentNullException.ThrowIfNull(session);
        var final = await new JobFollower(session).FollowAsync(jobId);
        if (printJson && session.Console.IsJson)
        {
            await session.Console.JsonAsync(final.Json);
        }

        return await JobOutcome.ReportAsync(session, final.Value);
    }
}
