using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Jobs;
using CentralDispatch.Cli.Commands.Workers;
using CentralDispatch.Core.Contracts.Instances;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>
/// What `instance create` and `instance restore` print for an instance with a queued deploy: the instance (or its JSON),
/// or, with --wait, the deploy followed step by step and then the instance as it ended.
/// </summary>
public static class QueuedInstance
{
    /// <param name="session">The CLI session.</param>
    /// <param name="queued">The API's answer: the instance with its current (deploy) job.</param>
    /// <param name="wait">Follow the deploy.</param>
    /// <param name="done">What happened, e.g. "Created" or "Restoring".</param>
    public static async Task<int> ReportAsync(ApiSession session, ApiResult<InstanceResponse> queued, bool wait, string done)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(queued);
        var instance = queued.Value;
        if (!wait || instance.CurrentJob is not { } job)
        {
            if (session.Console.IsJson)
            {
                await session.Console.JsonAsync(queued.Json);
            }
            else
            {
                await session.Console.NoteAsync($"{done} instance {instance.Name} on worker {instance.Worker} ({instance.State}); deploy job {instance.CurrentJob?.Id} queued. "
                                                + $"Follow it with `dispatch job show {instance.CurrentJob?.Id} --wait`.");
            }

            return ExitCodes.Success;
        }

        await session.Console.NoteAsync($"{done} instance {instance.Name} on worker {instance.Worker}; following its deploy (job {job.Id}).");
        var exitCode = await JobCommands.FollowAndReportAsync(session, job.Id, printJson: false);
        var after = await session.Api.GetAsync<InstanceResponse>($"api/v1/instances/{WorkerAdminCommands.Segment(instance.Name)}", session.CancellationToken);
        if (session.Console.IsJson)
        {
            await session.Console.JsonAsync(after.Json);
        }
        else if (exitCode == ExitCodes.Success)
        {
            await session.Console.NoteAsync($"Instance {after.Value.Name} is {after.Value.State}{(after.Value.Url is { } url ? $" at {url}" : string.Empty)}.");
        }

        return exitCode;
    }
}
