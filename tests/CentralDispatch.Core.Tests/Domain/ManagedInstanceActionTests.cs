using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Core.Tests.Support;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>Which operator actions an instance's state allows (ARCHITECTURE §2), and what a refusal says.</summary>
public sealed class ManagedInstanceActionTests
{
    public static TheoryData<string, InstanceState> Pairs() =>
        Matrix.Of(InstanceActions.All.Select(a => a.Slug), Enum.GetValues<InstanceState>());

    [Theory]
    [InlineData("deploy", InstanceState.Pending)]
    [InlineData("deploy", InstanceState.Failed)]
    [InlineData("retry", InstanceState.Failed)]
    [InlineData("redeploy", InstanceState.Active)]
    [InlineData("suspend", InstanceState.Active)]
    [InlineData("resume", InstanceState.Suspended)]
    [InlineData("decommission", InstanceState.Active)]
    [InlineData("decommission", InstanceState.Suspended)]
    [InlineData("decommission", InstanceState.Failed)]
    [InlineData("backout", InstanceState.Failed)]
    [InlineData("backout", InstanceState.NeedsAttention)]
    [InlineData("rotate-certificate", InstanceState.Suspended)]
    public void EnsureAllows_TheMovesOfTheStateDiagramTest(string slug, InstanceState state)
    {
        Assert.Null(Record.Exception(() => Instances.InState(state).EnsureAllows(Action(slug))));
    }

    [Theory]
    [InlineData("suspend", InstanceState.Suspended)]
    [InlineData("resume", InstanceState.Active)]
    public void EnsureAllows_ReapplyingTheStateAnInstanceIsIn_ToRepairItTest(string slug, InstanceState state)
    {
        Assert.Null(Record.Exception(() => Instances.InState(state).EnsureAllows(Action(slug))));
    }

    [Theory]
    [InlineData("retry", InstanceState.Pending, "Failed")]
    [InlineData("redeploy", InstanceState.Suspended, "Active")]
    [InlineData("decommission", InstanceState.Pending, "Active or Suspended or Failed")]
    [InlineData("backout", InstanceState.Active, "Failed or NeedsAttention")]
    [InlineData("deploy", InstanceState.NeedsAttention, "Pending or Failed")]
    public void EnsureAllows_RefusesNamingTheStatesThatAllowItTest(string slug, InstanceState state, string allowed)
    {
        var refusal = Record.Exception(() => Instances.InState(state).EnsureAllows(Action(slug)));

        var illegal = Assert.IsType<IllegalTransitionException>(refusal);
        Assert.Equal(state.ToString(), illegal.From);
        Assert.Equal(slug, illegal.Attempted);
        Assert.EndsWith($"It is allowed when the instance is {allowed}.", illegal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InstanceState.Deploying)]
    [InlineData(InstanceState.Updating)]
    [InlineData(InstanceState.Decommissioning)]
    [InlineData(InstanceState.Archived)]
    public void EnsureAllows_NoActionWhileAJobRunsOrOnceArchivedTest(InstanceState state)
    {
        // Archived is left only by a restore; an instance in a job's in-progress state waits for the job.
        foreach (var action in InstanceActions.All)
        {
            Assert.IsType<IllegalTransitionException>(Record.Exception(() => Instances.InState(state).EnsureAllows(action)));
        }
    }

    [Fact]
    public void EnsureAllows_OnlyBackOutForAnInstanceThatNeedsAttentionTest()
    {
        var allowed = InstanceActions.All.Where(a => Record.Exception(() => Instances.InState(InstanceState.NeedsAttention).EnsureAllows(a)) is null);

        Assert.Equal(["backout"], allowed.Select(a => a.Slug));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EnsureAllows_ARefusalNamesOnlyStatesThatDoAllowItTest(string slug, InstanceState state)
    {
        var action = Action(slug);
        if (Record.Exception(() => Instances.InState(state).EnsureAllows(action)) is not IllegalTransitionException refusal)
        {
            return;
        }

        const string Allowed = "It is allowed when the instance is ";
        var named = refusal.Message[(refusal.Message.IndexOf(Allowed, StringComparison.Ordinal) + Allowed.Length)..].TrimEnd('.')
            .Split(" or ").Select(Enum.Parse<InstanceState>).ToList();
        Assert.NotEmpty(named);
        Assert.DoesNotContain(state, named);
        Assert.All(named, s => Instances.InState(s).EnsureAllows(action));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void StartJob_AcceptsTheJobOfEveryAllowedActionTest(string slug, InstanceState state)
    {
        // Whatever an action may queue, the worker must then be able to start; otherwise the job is stuck.
        var action = Action(slug);
        var instance = Instances.InState(state);
        if (Record.Exception(() => instance.EnsureAllows(action)) is not null)
        {
            return;
        }

        instance.StartJob(action.Kind, Instances.Start);

        Assert.Equal(state, instance.StateBeforeJob);
    }

    private static InstanceAction Action(string slug) =>
        InstanceActions.TryParse(slug, out var action) ? action : throw new ArgumentException($"No action '{slug}'.", nameof(slug));
}
