using System.Text.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>An action whose job carries typed arguments, stored with the job as this record's JSON.</summary>
public abstract class InstanceAction<TArguments> : InstanceAction
    where TArguments : class
{
    /// <summary>The arguments from the operator's request (and the instance); null when the job needs none this time.</summary>
    protected abstract TArguments? ArgumentsFor(ActionContext context);

    /// <summary>What the worker receives of the arguments.</summary>
    protected abstract JobPayloadParameters PayloadOf(TArguments arguments, Func<string, string> unprotectKey);

    /// <summary>What the arguments make true once the job has finished; by default nothing beyond the report.</summary>
    protected virtual JobResultFacts FactsAfter(TArguments arguments, JobResultFacts reported) => reported;

    public sealed override string? StoreArguments(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ArgumentsFor(context) is { } arguments ? Store(arguments) : null;
    }

    public sealed override JobPayloadParameters Payload(string? stored, Func<string, string> unprotectKey) =>
        Read(stored) is { } arguments ? PayloadOf(arguments, unprotectKey) : new JobPayloadParameters();

    public sealed override JobResultFacts ResultFacts(string? stored, JobResultFacts reported) =>
        Read(stored) is { } arguments ? FactsAfter(arguments, reported) : reported;

    public string Store(TArguments arguments) => JsonSerializer.Serialize(arguments, CoreJson.Options);

    public TArguments? Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize<TArguments>(stored, CoreJson.Options);
}
