namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Retry: a deploy of a Failed instance (its error says what went wrong); its job is the Deploy action's.</summary>
public sealed class RetryAction : DeployAction
{
    public override string Slug => "retry";

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Failed];

    public override IReadOnlyList<InstanceState> OfferedFrom => AllowedFrom;

    public override bool IsVariant => true;

    public override ActionTexts Texts { get; } = new("Retry deploy", "Deploy a Failed instance again (its error says what went wrong).");
}
