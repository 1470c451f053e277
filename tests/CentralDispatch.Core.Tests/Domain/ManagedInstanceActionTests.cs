using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Tests.Support;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>Which operator actions each instance state allows (ARCHITECTURE §2), checked for every pair.</summary>
public sealed class ManagedInstanceActionTests
{
    private static readonly Dictionary<InstanceAction, InstanceState[]> Allowed = new()
    {
        [InstanceAction.Deploy] = [InstanceState.Pending, InstanceState.Failed],
        [InstanceAction.Retry] = [InstanceState.Failed],
        [InstanceAction.Redeploy] = [InstanceState.Active],
        [InstanceAction.Suspend] = [InstanceState.Active, InstanceState.Suspended],
        [InstanceAction.Resume] = [InstanceState.Suspended, InstanceState.Active],
        [InstanceAction.Decommission] = [InstanceState.Active, InstanceState.Suspended, InstanceState.Failed],
        [InstanceAction.BackOut] = [InstanceState.Failed, InstanceState.NeedsAttention],
        [InstanceAction.RotateCertificate] = [InstanceState.Active, InstanceState.Suspended],
    };

    public static TheoryData<InstanceAction, InstanceState> Pairs() => Matrix.Of(Enum.GetValues<InstanceAction>(), Enum.GetValues<InstanceState>());

    [Fact]
    public void Table_CoversEveryActionTest()
    {
        Assert.Equal(Enum.GetValues<InstanceAction>().Order(), Allowed.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EnsureAllows_AllowsExactlyTheDocumentedStatesTest(InstanceAction action, InstanceState state)
    {
        var instance = Instances.InState(state);

        var refusal = Record.Exception(() => instance.EnsureAllows(action));

        if (Allowed[action].Contains(state))
        {
            Assert.Null(refusal);
        }
        else
        {
            var illegal = Assert.IsType<IllegalTransitionException>(refusal);
            Assert.Equal(state.ToString(), illegal.From);
            Assert.Equal(action.Slug(), illegal.Attempted);
            Assert.Contains(Allowed[action][0].ToString(), illegal.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("deploy", InstanceAction.Deploy)]
    [InlineData("retry", InstanceAction.Retry)]
    [InlineData("redeploy", InstanceAction.Redeploy)]
    [InlineData("suspend", InstanceAction.Suspend)]
    [InlineData("resume", InstanceAction.Resume)]
    [InlineData("decommission", InstanceAction.Decommission)]
    [InlineData("backout", InstanceAction.BackOut)]
    [InlineData("rotate-certificate", InstanceAction.RotateCertificate)]
    public void Slugs_RoundTripTest(string slug, InstanceAction action)
    {
        Assert.True(InstanceActions.TryParse(slug, out var parsed));
        Assert.Equal(action, parsed);
        Assert.Equal(slug, action.Slug());
    }

    [Theory]
    [InlineData("Deploy")]
    [InlineData("back-out")]
    [InlineData("")]
    [InlineData("deploy ")]
    public void TryParse_RefusesUnknownSlugTest(string slug)
    {
        Assert.False(InstanceActions.TryParse(slug, out _));
    }

    [Theory]
    [InlineData(InstanceAction.Deploy, JobKind.Deploy)]
    [InlineData(InstanceAction.Retry, JobKind.Deploy)]
    [InlineData(InstanceAction.Redeploy, JobKind.Redeploy)]
    [InlineData(InstanceAction.Suspend, JobKind.Suspend)]
    [InlineData(InstanceAction.Resume, JobKind.Resume)]
    [InlineData(InstanceAction.Decommission, JobKind.Decommission)]
    [InlineData(InstanceAction.BackOut, JobKind.BackOut)]
    [InlineData(InstanceAction.RotateCertificate, JobKind.RotateCertificate)]
    public void Kind_MapsEveryActionToItsJobTest(InstanceAction action, JobKind kind)
    {
        Assert.Equal(kind, action.Kind());
    }

    public static TheoryData<InstanceAction, InstanceState> AllowedPairs()
    {
        var data = new TheoryData<InstanceAction, InstanceState>();
        foreach (var (action, states) in Allowed)
        {
            foreach (var state in states)
            {
                data.Add(action, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void StartJob_AcceptsTheJobOfEveryAllowedActionTest(InstanceAction action, InstanceState state)
    {
        // Whatever an action may queue, the worker must then be able to start; otherwise the job is stuck.
        var instance = Instances.InState(state);

        instance.StartJob(action.Kind(), Instances.Start);

        Assert.Equal(state, instance.StateBeforeJob);
    }
}
