using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Provisioning.Plans;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// On start: reports jobs that finished before the worker stopped but whose result the dispatcher never
/// acknowledged, using the lease saved for them. A refused completion (409: the lease is gone) keeps the journal:
/// the dispatcher hands the job back as a new attempt and the engine returns the recorded result then. Unfinished
/// journals are left alone for the same reason: their next attempt resumes them.
/// </summary>
public sealed class StartupRecovery(DispatcherClient client, JournalStore journals, LeaseStore leases, ILogger<StartupRecovery> logger)
{
    /// <summary>Returns how many results were reported. A 401 propagates: the agent cannot work without its token.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reported = 0;
        foreach (var journal in await journals.ListUnacknowledgedAsync(cancellationToken))
        {
            if (await TryReportAsync(journal, cancellationToken))
            {
                reported++;
            }
        }

        RemoveOrphanLeases();
        return reported;
    }

    private async Task<bool> TryReportAsync(JournalSummary journal, CancellationToken cancellationToken)
    {
        if (journal.Damage is not null)
        {
            return Skip(journal, $"its journal cannot be read ({journal.Damage})");
        }

        if (journal.Phase != JournalPhase.Finished || journal.Result is null)
        {
            return Skip(journal, "it is unfinished; it resumes when the dispatcher hands it back");
        }

        var lease = await leases.FindAsync(journal.JobId, cancellationToken);
        if (lease is null)
        {
            return Skip(journal, "no lease was saved; the result is reported when the dispatcher hands the job back");
        }

        var state = journal.Result.Outcome == Provisioning.PlanOutcome.Succeeded
            ? await journals.ReadAsync(journal.JobId, cancellationToken)
            : null;
        var request = Completion.FromPlan(lease.Attempt, lease.LeaseToken, PlanRunKind.Forward, journal.Result,
            state is null ? null : JobFacts.FromNotes(state.Notes));
        try
        {
            await client.CompleteAsync(journal.JobId, request, cancellationToken);
        }
        catch (LeaseLostException e)
        {
            leases.Delete(journal.JobId);
            return Skip(journal, $"the dispatcher refused the result ({e.Message}); the next attempt reports it");
        }
        catch (DispatcherCredentialException e) when (e.Status == 403)
        {
            return Skip(journal, "the job belongs to another worker registration");
        }
        catch (Exception e) when (e is DispatcherUnavailableException or DispatcherRejectedException)
        {
            return Skip(journal, $"the result could not be reported ({e.Message})");
        }

        AgentLog.Recovered(logger, journal.JobId, journal.Instance, request.Outcome);
        try
        {
            await journals.AcknowledgeAsync(journal.JobId, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            AgentLog.AcknowledgeFailed(logger, journal.JobId, e);
        }

        leases.Delete(journal.JobId);
        return true;
    }

    // A lease without a journal belongs to a job that never touched the host, or whose journal was already removed.
    private void RemoveOrphanLeases()
    {
        foreach (var jobId in leases.List())
        {
            if (!File.Exists(journals.PathOf(jobId)))
            {
                leases.Delete(jobId);
            }
        }
    }

    private bool Skip(JournalSummary journal, string reason)
    {
        AgentLog.RecoverySkipped(logger, journal.JobId, journal.Instance, reason);
        return false;
    }
}
