using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Deploy: the Deploy plan (ARCHITECTURE §4) makes the instance on its worker; a restore deploys from an archive.</summary>
public class DeployAction : InstanceAction<DeployAction.Arguments>
{
    public override string Slug => "deploy";

    public override JobKind Kind => JobKind.Deploy;

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Pending, InstanceState.Failed];

    // From Failed the page offers Retry instead: one button is enough.
    public override IReadOnlyList<InstanceState> OfferedFrom { get; } = [InstanceState.Pending];

    public override InstanceState? WhileRunning => InstanceState.Deploying;

    // Failed means the worker could not run the plan at all (nothing touched), or rolled it back: retry is safe.
    public override ActionOutcomes Ends { get; } = new(InstanceState.Active, InstanceState.Failed, InstanceState.NeedsAttention);

    public override bool IsDeployment => true;

    public override ActionTexts Texts { get; } = new("Deploy", "Queue the deploy of a Pending or Failed instance.");

    // A restored instance deploys from its archive again: the files and data are there, not in a release.
    protected override Arguments? ArgumentsFor(ActionContext context) =>
        Read(context.PreviousArguments)?.RestoreFromArchive is { } archive ? new Arguments(archive) : null;

    protected override JobPayloadParameters PayloadOf(Arguments arguments, Func<string, string> unprotectKey) =>
        new(RestoreFromArchive: arguments.RestoreFromArchive);

    /// <summary>A deploy's arguments: the archive (a path on the worker) to restore the instance from, if any.</summary>
    public sealed record Arguments(string? RestoreFromArchive);
}
