using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>
/// One lifecycle action on an instance: its name in the API path and the CLI, the states that allow it, what its job does
/// to the instance's state, its arguments and its texts. The API's action route, the instance's state machine, the web
/// UI's buttons and the CLI's verbs are all read from these (<see cref="InstanceActions"/> finds every one).
/// </summary>
public abstract class InstanceAction
{
    /// <summary>The action's name in <c>POST /api/v1/instances/{name}/{slug}</c> and in <c>dispatch instance {slug}</c>.</summary>
    public abstract string Slug { get; }

    /// <summary>The job it queues: the name the worker runs a plan for, and the job's kind in the store and the API.</summary>
    public abstract JobKind Kind { get; }

    /// <summary>The instance states from which the action may be queued (in this order in a refusal's message).</summary>
    public abstract IReadOnlyList<InstanceState> AllowedFrom { get; }

    /// <summary>The states in which the instance page offers it: by default those that allow it.</summary>
    public virtual IReadOnlyList<InstanceState> OfferedFrom => AllowedFrom;

    /// <summary>The instance's state while the job runs; null: it stays in the state the job started from.</summary>
    public virtual InstanceState? WhileRunning => null;

    /// <summary>The state each outcome of the job leaves the instance in.</summary>
    public abstract ActionOutcomes Ends { get; }

    /// <summary>
    /// True for another verb that queues the job of an action of the same kind (retry: a deploy, from Failed only). That
    /// action, not this one, says what the job does to the instance's state.
    /// </summary>
    public virtual bool IsVariant => false;

    /// <summary>What the operator gives besides the instance: nothing, a release, or a certificate.</summary>
    public virtual ActionInput Input => ActionInput.None;

    /// <summary>The job's work is to remove what it took over (decommission, back-out): its undone steps read as removed.</summary>
    public virtual bool EndsWithRemoval => false;

    /// <summary>The job ships code to the instance: the dashboard lists it among the last deployments.</summary>
    public virtual bool IsDeployment => false;

    /// <summary>The web UI's button and the CLI's one-line help; a confirmation when it takes a site down or removes things.</summary>
    public abstract ActionTexts Texts { get; }

    /// <summary>The job's arguments to store with it, as JSON; null when it has none. Problems go to <see cref="ActionContext.Errors"/>.</summary>
    public virtual string? StoreArguments(ActionContext context) => null;

    /// <summary>What the worker receives of the stored arguments; <paramref name="unprotectKey"/> decrypts a private key.</summary>
    public virtual JobPayloadParameters Payload(string? stored, Func<string, string> unprotectKey) => new();

    /// <summary>What the finished job makes true for the instance: what the worker reported, and what the arguments add.</summary>
    public virtual JobResultFacts ResultFacts(string? stored, JobResultFacts reported) => reported;

    public InstanceState StateWhileRunning(InstanceState from) => WhileRunning ?? from;

    public override string ToString() => Slug;
}
