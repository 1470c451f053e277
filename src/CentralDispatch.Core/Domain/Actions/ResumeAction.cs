namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Resume: the maintenance block and the commented cron line of a suspend are undone exactly.</summary>
public sealed class ResumeAction : InstanceAction
{
    public override string Slug => "resume";

    public override JobKind Kind => JobKind.Resume;

    // From Active it re-applies the end state, as a suspend of a Suspended instance does.
    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Suspended, InstanceState.Active];

    public override IReadOnlyList<InstanceState> OfferedFrom { get; } = [InstanceState.Suspended];

    public override ActionOutcomes Ends { get; } = new(InstanceState.Active);

    public override ActionTexts Texts { get; } = new("Resume", "Switch a Suspended instance back on.");
}
