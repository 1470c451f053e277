using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>One line of a job's journal. Only the fields of its <see cref="Type"/> are set; nothing secret is ever stored.</summary>
public sealed record JournalRecord
{
    public required JournalRecordType Type { get; init; }
    public required DateTimeOffset At { get; init; }
    public long? JobId { get; init; }
    public string? Instance { get; init; }
    public JobKind? Kind { get; init; }
    public int? Attempt { get; init; }
    public string? Step { get; init; }
    public ResourceId? Resource { get; init; }
    public string? Message { get; init; }
    public double? DurationMs { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
    public bool? Cancelled { get; init; }
    public bool? Removal { get; init; }
    public PlanOutcome? Outcome { get; init; }
    public IReadOnlyList<Leftover>? Leftovers { get; init; }

    public static JournalRecord JobStarted(DateTimeOffset at, ProvisioningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new()
        {
            Type = JournalRecordType.JobStarted,
            At = at,
            JobId = job.JobId,
            Instance = job.Instance.Name,
            Kind = job.Kind,
            Attempt = job.Attempt,
        };
    }

    public static JournalRecord ForStep(JournalRecordType type, DateTimeOffset at, string step, string? message = null,
        double? durationMs = null) =>
        new() { Type = type, At = at, Step = step, Message = message, DurationMs = durationMs };

    public static JournalRecord ForResource(JournalRecordType type, DateTimeOffset at, string step, ResourceId resource,
        string? message = null) =>
        new() { Type = type, At = at, Step = step, Resource = resource, Message = message };

    public static JournalRecord StepFailed(DateTimeOffset at, string step, string message, bool cancelled, double durationMs) =>
        new() { Type = JournalRecordType.StepFailed, At = at, Step = step, Message = message, Cancelled = cancelled, DurationMs = durationMs };

    public static JournalRecord Note(DateTimeOffset at, string key, string value) =>
        new() { Type = JournalRecordType.Note, At = at, Key = key, Value = value };

    public static JournalRecord RollbackBegun(DateTimeOffset at, string? failedStep, string? message, bool cancelled, bool removal = false) =>
        new()
        {
            Type = JournalRecordType.RollbackBegun, At = at, Step = failedStep, Message = message, Cancelled = cancelled,
            Removal = removal ? true : null,
        };

    public static JournalRecord JobFinished(DateTimeOffset at, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Type = JournalRecordType.JobFinished,
            At = at,
            Outcome = result.Outcome,
            Step = result.FailedStep,
            Message = result.Message,
            Leftovers = result.Leftovers,
        };
    }

    public static JournalRecord Acknowledged(DateTimeOffset at) => new() { Type = JournalRecordType.Acknowledged, At = at };
}
