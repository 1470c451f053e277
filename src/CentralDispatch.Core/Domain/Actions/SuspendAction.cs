namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Suspend: a 503 maintenance page in the instance's vhost and its cron line commented out (docs/LIFECYCLE.md).</summary>
public sealed class SuspendAction : InstanceAction
{
    public override string Slug => "suspend";

    public override JobKind Kind => JobKind.Suspend;

    // From Suspended it re-applies the end state (the worker's plan is idempotent): a repair of a maintenance switch or
    // cron line that drifted.
    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Active, InstanceState.Suspended];

    // The page offers only what changes the state, so its buttons read as the way out of it.
    public override IReadOnlyList<InstanceState> OfferedFrom { get; } = [InstanceState.Active];

    public override ActionOutcomes Ends { get; } = new(InstanceState.Suspended);

    public override ActionTexts Texts { get; } = new("Suspend…", "Switch an Active instance off: 503 maintenance page, cron line inactive.",
        new ActionConfirmation(
            name => $"Suspend {name}",
            (name, _) => $"Suspend {name}? The site answers with a maintenance page and its cron job stops until you resume it."));
}
