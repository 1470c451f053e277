using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using Spectre.Console;

namespace CentralDispatch.Cli.Commands.Jobs;

/// <summary>
/// Follows a job until it finishes by polling GET /api/v1/jobs/{id} about every 500 ms: a live Spectre.Console table on a
/// terminal, appended lines otherwise (on stderr when stdout is reserved for JSON).
/// </summary>
public sealed class JobFollower(ApiSession session)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A dispatcher restarting during a long deploy is waited for this many polls (about 30 s) before giving up.</summary>
    private const int MaxUnreachablePolls = 60;

    public async Task<ApiResult<JobResponse>> FollowAsync(long jobId)
    {
        try
        {
            var console = session.Console;
            if (console.IsOutputTerminal && !console.IsJson)
            {
                ApiResult<JobResponse>? final = null;
                await console.Out.Live(new Text($"job {jobId}: waiting for the dispatcher…"))
                    .AutoClear(false)
                    .StartAsync(async context => final = await PollAsync(jobId, job =>
                    {
                        context.UpdateTarget(JobTables.Progress(job));
                        context.Refresh();
                        return Task.CompletedTask;
                    }));
                return final!;
            }

            var plain = new PlainJobProgress(console.IsJson ? Console.Error : Console.Out);
            return await PollAsync(jobId, plain.UpdateAsync);
        }
        catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Stopped following job {jobId}; it goes on. Follow it again with `dispatch job show {jobId} --wait`.", ExitCodes.Interrupted);
        }
    }

    private async Task<ApiResult<JobResponse>> PollAsync(long jobId, Func<JobResponse, Task> onUpdate)
    {
        var unreachable = 0;
        while (true)
        {
            ApiResult<JobResponse> job;
            try
            {
                job = await session.Api.GetAsync<JobResponse>($"api/v1/jobs/{jobId}", session.CancellationToken);
                unreachable = 0;
            }
            catch (CliException e) when (e.ExitCode == ExitCodes.Unavailable && ++unreachable < MaxUnreachablePolls)
            {
                await Task.Delay(PollInterval, session.Time, session.CancellationToken);
                continue;
            }

            await onUpdate(job.Value);
            if (job.Value.State.IsFinished())
            {
                return job;
            }

            await Task.Delay(PollInterval, session.Time, session.CancellationToken);
        }
    }
}
