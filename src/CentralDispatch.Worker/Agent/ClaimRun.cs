using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// One run of the claim loop: a slot per job up to the concurrency, a claim only while a slot is free, and the jobs
/// in flight, which are always waited for before the run returns.
/// </summary>
internal sealed class ClaimRun(AgentLoop agent, AgentRunMode mode, HelloResponse hello, Backoff backoff)
{
    private readonly List<Task<JobExecutionResult>> _running = [];
    private bool _unreported;

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var concurrency = agent.Options.Concurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        try
        {
            await ClaimUntilDoneAsync(slots, stopping);
        }
        finally
        {
            if (stopping.IsCancellationRequested)
            {
                AgentLog.Stopping(agent.Logger, _running.Count(t => !t.IsCompleted));
            }

            // Jobs never throw (RunJobAsync catches), and the slots must outlive them.
            foreach (var result in await Task.WhenAll(_running))
            {
                Record(result);
            }
        }

        return mode == AgentRunMode.Once && _unreported ? AgentExitCodes.Unreachable : AgentExitCodes.Success;
    }

    private int WaitSeconds => mode == AgentRunMode.Once ? 0 : (int)Math.Ceiling(hello.PollTimeout.TotalSeconds);

    private async Task ClaimUntilDoneAsync(SemaphoreSlim slots, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await slots.WaitAsync(stopping);
                JobAssignment? job;
                try
                {
                    job = await agent.Client.ClaimAsync(WaitSeconds, stopping);
                    backoff.Reset();
                }
                catch (DispatcherUnavailableException e)
                {
                    slots.Release();
                    if (!await agent.WaitToRetryAsync(mode, backoff, e, stopping))
                    {
                        _unreported |= !stopping.IsCancellationRequested;
                        return;
                    }

                    continue;
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                if (job is not null)
                {
                    _running.Add(Task.Run(() => RunJobAsync(job, slots, stopping), CancellationToken.None));
                    Prune();
                    continue;
                }

                slots.Release();
                if (!await NextClaimAsync(stopping))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown: claim nothing more; the jobs in flight are waited for by the caller.
        }
    }

    /// <summary>After "no work": false when this run is done.</summary>
    private async Task<bool> NextClaimAsync(CancellationToken stopping)
    {
        if (mode == AgentRunMode.Daemon)
        {
            if (hello.PollTimeout < TimeSpan.FromSeconds(1))
            {
                // A dispatcher that does not long-poll must not be hammered.
                await Task.Delay(agent.Options.BackoffMin, agent.TimeProvider, stopping);
            }

            return true;
        }

        // Once: done when nothing is queued and nothing runs; a finishing job may leave work (a requeued attempt).
        Prune();
        if (_running.Count == 0)
        {
            return false;
        }

        await Task.WhenAny(_running).WaitAsync(stopping);
        return true;
    }

    private async Task<JobExecutionResult> RunJobAsync(JobAssignment job, SemaphoreSlim slots, CancellationToken stopping)
    {
        try
        {
            return await agent.Executions.Create(job, hello.HeartbeatInterval).RunAsync(stopping);
        }
        catch (Exception e)
        {
            // A bug in one job must not take the agent and the other jobs down; the lease runs out and it comes back.
            AgentLog.RunFailed(agent.Logger, job.JobId, job.Instance.Name, e);
            return JobExecutionResult.Unreported;
        }
        finally
        {
            slots.Release();
        }
    }

    private void Prune()
    {
        foreach (var done in _running.Where(t => t.IsCompleted).ToList())
        {
            Record(done.Result);
            _running.Remove(done);
        }
    }

    private void Record(JobExecutionResult result) => _unreported |= result == JobExecutionResult.Unreported;
}
