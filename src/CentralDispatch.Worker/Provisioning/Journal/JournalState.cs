using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>What a job's journal says so far, folded from its records: steps, claimed resources, notes, phase, result.</summary>
public sealed class JournalState
{
    private readonly List<string> _stepOrder = [];
    private readonly Dictionary<string, StepProgress> _steps = new(StringComparer.Ordinal);
    private readonly List<ResourceId> _resourceOrder = [];
    private readonly Dictionary<ResourceId, (string Step, ResourceClaim Claim)> _resources = [];
    private readonly Dictionary<ResourceId, string> _removalErrors = [];
    private readonly Dictionary<string, string> _notes = new(StringComparer.Ordinal);

    public long JobId { get; private set; }
    public string Instance { get; private set; } = "";
    public JobKind Kind { get; private set; }

    /// <summary>The attempt that wrote the latest <see cref="JournalRecordType.JobStarted"/>.</summary>
    public int Attempt { get; private set; }

    public JournalPhase Phase { get; private set; } = JournalPhase.Running;
    public RollbackCause? RollbackCause { get; private set; }
    public PlanResult? Result { get; private set; }
    public bool Acknowledged { get; private set; }

    /// <summary>Steps in the order they were first started: rollback walks this backwards.</summary>
    public IReadOnlyList<string> StartedSteps => _stepOrder;

    public IReadOnlyDictionary<string, string> Notes => _notes;

    public StepProgress ProgressOf(string step) => _steps.GetValueOrDefault(step, StepProgress.NotStarted);

    public ResourceClaim ClaimOf(ResourceId resource) =>
        _resources.TryGetValue(resource, out var entry) ? entry.Claim : ResourceClaim.None;

    /// <summary>The step whose records claim the resource, or null.</summary>
    public string? OwnerOf(ResourceId resource) => _resources.TryGetValue(resource, out var entry) ? entry.Step : null;

    /// <summary>Resources the step claimed (intended or created) and that are not removed, in the order it claimed them.</summary>
    public IReadOnlyList<ResourceId> OutstandingResources(string step) =>
        _resourceOrder.Where(r => _resources[r] is var e && e.Step == step && e.Claim is ResourceClaim.Intended or ResourceClaim.Created).ToList();

    /// <summary>The last reason a removal of this resource failed, if it has not been removed since.</summary>
    public string? RemovalError(ResourceId resource) => _removalErrors.GetValueOrDefault(resource);

    internal void Apply(JournalRecord record)
    {
        switch (record.Type)
        {
            case JournalRecordType.JobStarted:
                JobId = record.JobId ?? JobId;
                Instance = record.Instance ?? Instance;
                Kind = record.Kind ?? Kind;
                Attempt = record.Attempt ?? Attempt;
                break;
            case JournalRecordType.StepStarted:
                SetStep(record, StepProgress.Started);
                break;
            case JournalRecordType.StepSucceeded:
                SetStep(record, StepProgress.Succeeded);
                break;
            case JournalRecordType.StepFailed:
                SetStep(record, StepProgress.Failed);
                // A failed step means rollback is owed, even if the worker died before writing RollbackBegun.
                Phase = JournalPhase.RollingBack;
                RollbackCause = new RollbackCause(record.Step, record.Message, record.Cancelled ?? false);
                break;
            case JournalRecordType.Intent:
                // An intent never downgrades a created record (a resumed Apply may announce the same resource again).
                Claim(record, ResourceClaim.Intended, keepCreated: true);
                break;
            case JournalRecordType.Created:
            case JournalRecordType.Adopted:
                Claim(record, ResourceClaim.Created, keepCreated: false);
                break;
            case JournalRecordType.ResourceRemoved:
                Claim(record, ResourceClaim.Removed, keepCreated: false);
                _removalErrors.Remove(Require(record.Resource, record));
                break;
            case JournalRecordType.ResourceRemovalFailed:
                _removalErrors[Require(record.Resource, record)] = record.Message ?? "removal failed";
                break;
            case JournalRecordType.Note:
                _notes[Require(record.Key, record)] = record.Value ?? "";
                break;
            case JournalRecordType.RollbackBegun:
                Phase = JournalPhase.RollingBack;
                RollbackCause = new RollbackCause(record.Step, record.Message, record.Cancelled ?? false, record.Removal ?? false);
                break;
            case JournalRecordType.JobFinished:
                Phase = JournalPhase.Finished;
                Result = new PlanResult(record.Outcome ?? PlanOutcome.NeedsAttention, record.Step, record.Message,
                    record.Leftovers ?? [], FromJournal: true);
                break;
            case JournalRecordType.Acknowledged:
                Acknowledged = true;
                break;
            case JournalRecordType.StepRollbackStarted:
            case JournalRecordType.StepRollbackDone:
                break; // for the operator reading the file; resume needs only the resource records
            default:
                throw new InvalidOperationException($"Unknown journal record type {record.Type}.");
        }
    }

    private void SetStep(JournalRecord record, StepProgress progress)
    {
        var step = Require(record.Step, record);
        if (!_steps.ContainsKey(step))
        {
            _stepOrder.Add(step);
        }

        _steps[step] = progress;
    }

    private void Claim(JournalRecord record, ResourceClaim claim, bool keepCreated)
    {
        var resource = Require(record.Resource, record);
        if (_resources.TryGetValue(resource, out var existing))
        {
            if (keepCreated && existing.Claim == ResourceClaim.Created)
            {
                return;
            }

            // The step that first claimed a resource keeps it: its Rollback is the one that knows how to remove it.
            _resources[resource] = (existing.Step, claim);
            return;
        }

        _resourceOrder.Add(resource);
        _resources[resource] = (record.Step ?? "", claim);
    }

    private static T Require<T>(T? value, JournalRecord record) where T : class =>
        value ?? throw new InvalidOperationException($"Journal record {record.Type} lacks a required field.");
}
