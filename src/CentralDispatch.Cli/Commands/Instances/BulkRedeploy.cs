using System.Net;
using System.Text.Json;
using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Jobs;
using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>
/// Queues one Redeploy job per instance of a batch, skipping (with the reason) those whose state does not allow it, and
/// reports the batch's progress; with --wait it follows every job to its end.
/// </summary>
public sealed class BulkRedeploy(ApiSession session, RedeployAction action, string release)
{
    private const int PageSize = 200;
    private const int MaxUnreachableRounds = 60;

    /// <summary>Every instance (of one worker, when given); those not Active or with an unfinished job are marked skipped.</summary>
    public async Task<List<BulkTarget>> ActiveInstancesAsync(string? worker)
    {
        var targets = new List<BulkTarget>();
        for (var page = 1; ; page++)
        {
            var query = InstanceReadCommands.Query(("worker", worker), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("pageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var instances = (await session.Api.GetAsync<Page<InstanceResponse>>("api/v1/instances" + query, session.CancellationToken)).Value;
            targets.AddRange(instances.Items.Where(i => i.State != InstanceState.Archived).Select(Target));
            if (instances.Items.Count == 0 || page * instances.PageSize >= instances.Total)
            {
                return targets;
            }
        }
    }

    public async Task<int> RunAsync(IReadOnlyList<BulkTarget> targets, bool wait)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var entries = new List<BulkEntry>();
        foreach (var target in targets)
        {
            entries.Add(await QueueAsync(target));
        }

        var queued = entries.Where(e => e.JobId is not null).ToList();
        var skipped = entries.Count - queued.Count;
        await session.Console.NoteAsync(entries.Count == 0
            ? "No instances to redeploy."
            : $"Queued {queued.Count} of {entries.Count} instance(s) for release {release}; {skipped} skipped.");
        if (wait && queued.Count > 0)
        {
            await FollowAsync(queued);
        }

        if (session.Console.IsJson)
        {
            await session.Console.JsonAsync(JsonSerializer.Serialize(new
            {
                release,
                queued = queued.Select(e => new { instance = e.Instance, jobId = e.JobId }),
                skipped = entries.Where(e => e.Skipped is not null).Select(e => new { instance = e.Instance, reason = e.Skipped }),
                finished = queued.Where(e => e.Job is not null).Select(e => e.Job),
            }, CoreJson.Options));
        }

        var failed = queued.Count(e => e.Job is { State: not JobState.Succeeded });
        if (failed > 0)
        {
            await CliErrors.WriteAsync($"{failed} of {queued.Count} redeploy job(s) did not succeed; see the lines above.");
            return ExitCodes.JobFailed;
        }

        return queued.Count == 0 && skipped > 0 ? ExitCodes.Refused : ExitCodes.Success;
    }

    private BulkTarget Target(InstanceResponse instance)
    {
        if (!action.AllowedFrom.Contains(instance.State))
        {
            return new BulkTarget(instance.Name, $"it is {instance.State}; {action.Slug} needs {string.Join(" or ", action.AllowedFrom)}");
        }

        return instance.CurrentJob is { } job && !job.State.IsFinished()
            ? new BulkTarget(instance.Name, $"job {job.Id} ({job.Kind}) is still {job.State}")
            : new BulkTarget(instance.Name, null);
    }

    private async Task<BulkEntry> QueueAsync(BulkTarget target)
    {
        var entry = new BulkEntry(target.Instance) { Skipped = target.SkipReason };
        if (entry.Skipped is null)
        {
            try
            {
                var path = $"api/v1/instances/{Uri.EscapeDataString(target.Instance)}/{action.Slug}";
                var job = await session.Api.PostAsync<JobSummary>(path, new InstanceActionRequest(Release: release), session.CancellationToken);
                entry.JobId = job.Value.Id;
            }
            catch (ApiRefusedException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Refused for this instance only (gone, or its state changed since the list); a bad release (400) stops the batch.
                entry.Skipped = e.Message;
            }
        }

        await session.Console.NoteAsync(entry.JobId is { } id ? $"queued   {entry.Instance}: job {id}" : $"skipped  {entry.Instance}: {entry.Skipped}");
        return entry;
    }

    private async Task FollowAsync(List<BulkEntry> queued)
    {
        var done = 0;
        var unreachable = 0;
        try
        {
            while (done < queued.Count)
            {
                try
                {
                    foreach (var entry in queued.Where(e => e.Job is null || !e.Job.State.IsFinished()))
                    {
                        entry.Job = (await session.Api.GetAsync<JobResponse>($"api/v1/jobs/{entry.JobId}", session.CancellationToken)).Value;
                        if (entry.Job.State.IsFinished())
                        {
                            done++;
                            await session.Console.NoteAsync($"[{done}/{queued.Count}] {await FinishedLineAsync(entry.Job)}");
                        }
                    }

                    unreachable = 0;
                }
                catch (CliException e) when (e.ExitCode == ExitCodes.Unavailable && ++unreachable < MaxUnreachableRounds)
                {
                    // The dispatcher may be restarting; keep following the batch for a while.
                }

                if (done < queued.Count)
                {
                    await Task.Delay(JobFollower.PollInterval, session.Time, session.CancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (session.CancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Stopped following the batch after {done} of {queued.Count} job(s) finished; the others go on.", ExitCodes.Interrupted);
        }

        var failed = queued.Count(e => e.Job!.State != JobState.Succeeded);
        await session.Console.NoteAsync($"Batch finished: {queued.Count - failed} succeeded, {failed} did not.");
    }

    private async Task<string> FinishedLineAsync(JobResponse job) => job.State == JobState.Succeeded
        ? $"{job.Instance}: Succeeded (job {job.Id}, {Cells.Duration(job.StartedAt, job.FinishedAt)})"
        : await JobOutcome.DescribeAsync(session, job);
}
