namespace CentralDispatch.Core.Domain.Actions;

/// <summary>
/// Back out: remove what a failed job left behind, from the instance's latest journal on its worker, or else everything
/// carrying the instance's ownership tag (docs/LIFECYCLE.md › BackOut).
/// </summary>
public sealed class BackOutAction : InstanceAction
{
    public override string Slug => "backout";

    public override JobKind Kind => JobKind.BackOut;

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Failed, InstanceState.NeedsAttention];

    // A complete back-out leaves a clean Failed instance that can be retried; anything short of it still needs attention.
    public override ActionOutcomes Ends { get; } = new(InstanceState.Failed, InstanceState.NeedsAttention, InstanceState.NeedsAttention);

    public override bool EndsWithRemoval => true;

    public override ActionTexts Texts { get; } = new("Back out…",
        "Remove what a failed job left behind (Failed or NeedsAttention instances): from its journal, or everything carrying the instance's tag.",
        new ActionConfirmation(
            name => $"Back out {name}",
            (name, worker) => $"Back out {name}? Everything this system created for it on {worker} (database, database user, webroot, "
                              + "certificate files, virtual host, cron line) is removed again.",
            name => $"Back out instance '{name}'? Everything this system created for it on its worker is removed."));
}
