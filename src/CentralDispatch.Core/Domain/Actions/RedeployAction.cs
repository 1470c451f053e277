using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Redeploy: ship a release to an Active instance; the old code stays live until the switch (docs/LIFECYCLE.md).</summary>
public sealed class RedeployAction : InstanceAction<RedeployAction.Arguments>
{
    public override string Slug => "redeploy";

    public override JobKind Kind => JobKind.Redeploy;

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Active];

    public override InstanceState? WhileRunning => InstanceState.Updating;

    // A failed redeploy leaves the previous code live.
    public override ActionOutcomes Ends { get; } = new(InstanceState.Active, InstanceState.Active, InstanceState.NeedsAttention);

    public override ActionInput Input => ActionInput.Release;

    public override bool IsDeployment => true;

    public override ActionTexts Texts { get; } = new("Redeploy",
        "Ship a release to one instance, or to many (--all, --worker W, NAME…), one job each; the old code stays live until the switch.");

    protected override Arguments? ArgumentsFor(ActionContext context)
    {
        var release = string.IsNullOrEmpty(context.Request?.Release) ? context.Instance.Release : context.Request.Release;
        return context.Errors.Check("release", ReleaseNameRule.Check(release)) ? new Arguments(release) : null;
    }

    protected override JobPayloadParameters PayloadOf(Arguments arguments, Func<string, string> unprotectKey) =>
        new(Release: arguments.Release);

    /// <summary>A redeploy's arguments: the release to ship (the instance's own when the request names none).</summary>
    public sealed record Arguments(string Release);
}
