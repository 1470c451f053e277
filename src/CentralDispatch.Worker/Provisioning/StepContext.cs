using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>
/// What a step sees while it runs: the job, the instance, the job's notes, its journal, a logger, the clock and the
/// one token to honour. Journal calls are bound to this step and to <see cref="CancellationToken"/>.
/// </summary>
public sealed class StepContext
{
    private readonly JobJournal _journal;

    internal StepContext(ProvisioningJob job, string stepName, JobJournal journal, ILogger logger, TimeProvider timeProvider,
        CancellationToken cancellationToken, bool isRollback)
    {
        Job = job;
        StepName = stepName;
        _journal = journal;
        Logger = logger;
        TimeProvider = timeProvider;
        CancellationToken = cancellationToken;
        IsRollback = isRollback;
        Notes = new JobNotes(journal, cancellationToken);
    }

    public ProvisioningJob Job { get; }
    public InstancePayload Instance => Job.Instance;
    public string StepName { get; }
    public JobNotes Notes { get; }
    public ILogger Logger { get; }
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Apply/Verify: fires on the job's cancel or the step's timeout. Rollback: fires only on the undo's own timeout,
    /// never on the job's cancel. Host shutdown is not in it: the step in flight is allowed to finish.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    public bool IsRollback { get; }

    /// <summary>
    /// What the step found or did, in one line for the operator (e.g. what a back-out found not there): it becomes the
    /// message of the step's Succeeded event and journal record. Never a secret.
    /// </summary>
    public string? Summary { get; set; }

    /// <summary>Write-ahead: call before touching anything that creates <paramref name="resource"/>.</summary>
    public Task RecordIntentAsync(ResourceId resource) => Append(JournalRecordType.Intent, resource);

    /// <summary>Call once <paramref name="resource"/> exists.</summary>
    public Task RecordCreatedAsync(ResourceId resource) => Append(JournalRecordType.Created, resource);

    /// <summary>
    /// Takes over an existing resource this job did not create, so that the plan's removal (or a rollback) removes it:
    /// only for a resource proven to be this system's (decommission, back-out without a journal).
    /// </summary>
    public Task AdoptAsync(ResourceId resource) => Append(JournalRecordType.Adopted, resource);

    /// <summary>For a step that removes, during Apply, something it created itself (a temporary copy).</summary>
    public Task RecordRemovedAsync(ResourceId resource) => Append(JournalRecordType.ResourceRemoved, resource);

    public ResourceClaim ClaimOf(ResourceId resource) => _journal.State.ClaimOf(resource);

    /// <summary>
    /// True when this job's journal claims the resource: created, or intended without a created record (the job
    /// stopped while creating it). Both are this job's to adopt on resume and to remove on rollback.
    /// </summary>
    public bool WasCreatedByThisJob(ResourceId resource) => ClaimOf(resource) is ResourceClaim.Intended or ResourceClaim.Created;

    /// <summary>Resources a step of this job claimed and that are not removed, in creation order (default: this step).</summary>
    public IReadOnlyList<ResourceId> CreatedResources(string? step = null) => _journal.State.OutstandingResources(step ?? StepName);

    /// <summary>
    /// The safe way to create one resource: it exists and this job created it → adopted (a resumed attempt);
    /// it exists and this job did not → <see cref="ResourceNotOwnedException"/>, nothing touched;
    /// otherwise intent, create, created. An adopted resource may be incomplete: the step finishes it.
    /// </summary>
    public async Task<ResourceAcquisition> CreateOrAdoptAsync(ResourceId resource, Func<CancellationToken, Task<bool>> existsAsync,
        Func<CancellationToken, Task> createAsync)
    {
        ArgumentNullException.ThrowIfNull(existsAsync);
        ArgumentNullException.ThrowIfNull(createAsync);
        if (await existsAsync(CancellationToken))
        {
            if (!WasCreatedByThisJob(resource))
            {
                throw new ResourceNotOwnedException(resource);
            }

            if (ClaimOf(resource) == ResourceClaim.Intended)
            {
                await RecordCreatedAsync(resource);
            }

            return ResourceAcquisition.Adopted;
        }

        await RecordIntentAsync(resource);
        await createAsync(CancellationToken);
        await RecordCreatedAsync(resource);
        return ResourceAcquisition.Created;
    }

    private Task Append(JournalRecordType type, ResourceId resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var owner = _journal.State.OwnerOf(resource);
        if (owner is not null && owner != StepName)
        {
            // Two steps claiming one resource would each believe they may remove it.
            throw new InvalidOperationException($"{resource} belongs to step {owner}, not {StepName}.");
        }

        return _journal.AppendAsync(JournalRecord.ForResource(type, _journal.Now, StepName, resource), CancellationToken);
    }
}
