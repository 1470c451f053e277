namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Decommission: archive first (webroot, database dump, manifest), then remove the instance from its worker.</summary>
public sealed class DecommissionAction : InstanceAction
{
    public override string Slug => "decommission";

    public override JobKind Kind => JobKind.Decommission;

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Active, InstanceState.Suspended, InstanceState.Failed];

    public override InstanceState? WhileRunning => InstanceState.Decommissioning;

    // Archive first, then removal: a decommission undone keeps the instance as it was.
    public override ActionOutcomes Ends { get; } = new(InstanceState.Archived, NeedsAttention: InstanceState.NeedsAttention);

    public override bool EndsWithRemoval => true;

    public override ActionTexts Texts { get; } = new("Decommission…",
        "Archive an instance (webroot, database dump, manifest) and remove it from its worker.",
        new ActionConfirmation(
            name => $"Decommission {name}",
            (name, worker) => $"Decommission {name}? Its webroot and database are archived first; then the site, database, database user, "
                              + $"certificate files, virtual host and cron line are removed from {worker}. Only the archive remains.",
            name => $"Decommission instance '{name}'? It is archived, then its site, database, files and cron line are removed from its worker."));
}
