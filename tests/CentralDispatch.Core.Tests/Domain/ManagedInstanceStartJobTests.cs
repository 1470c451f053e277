using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Tests.Support;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>A worker starting an instance's job: every kind from every state.</summary>
public sealed class ManagedInstanceStartJobTests
{
    /// <summary>States a job of each kind may start from, and the state the instance is in while it runs.</summary>
    private static readonly Dictionary<JobKind, (InstanceState[] From, InstanceState? While)> Starts = new()
    {
        [JobKind.Deploy] = ([InstanceState.Pending, InstanceState.Failed], InstanceState.Deploying),
        [JobKind.Redeploy] = ([InstanceState.Active], InstanceState.Updating),
        [JobKind.Suspend] = ([InstanceState.Active, InstanceState.Suspended], null),
        [JobKind.Resume] = ([InstanceState.Suspended, InstanceState.Active], null),
        [JobKind.RotateCertificate] = ([InstanceState.Active, InstanceState.Suspended], null),
        [JobKind.Decommission] = ([InstanceState.Active, InstanceState.Suspended, InstanceState.Failed], InstanceState.Decommissioning),
        [JobKind.BackOut] = ([InstanceState.Failed, InstanceState.NeedsAttention], null),
    };

    /// <summary>The states <see cref="Instances.InState"/> leaves with a job still running, and that job's kind.</summary>
    private static readonly Dictionary<InstanceState, JobKind> Running = new()
    {
        [InstanceState.Deploying] = JobKind.Deploy,
        [InstanceState.Updating] = JobKind.Redeploy,
        [InstanceState.Decommissioning] = JobKind.Decommission,
    };

    public static TheoryData<JobKind, InstanceState> Pairs() => Matrix.Of(Enum.GetValues<JobKind>(), Enum.GetValues<InstanceState>());

    [Fact]
    public void Table_CoversEveryKindTest()
    {
        Assert.Equal(Enum.GetValues<JobKind>().Order(), Starts.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void StartJob_MovesOnlyFromTheDocumentedStatesTest(JobKind kind, InstanceState state)
    {
        var instance = Instances.InState(state);
        var (from, whileRunning) = Starts[kind];

        var refusal = Record.Exception(() => instance.StartJob(kind, Instances.Start.AddMinutes(1)));

        if (Running.TryGetValue(state, out var runningKind))
        {
            // Only a new attempt of the job that is running may start; it changes nothing.
            if (kind == runningKind)
            {
                Assert.Null(refusal);
                Assert.Equal(state, instance.State);
            }
            else
            {
                Assert.IsType<IllegalTransitionException>(refusal);
            }
        }
        else if (from.Contains(state))
        {
            Assert.Null(refusal);
            Assert.Equal(whileRunning ?? state, instance.State);
            Assert.Equal(state, instance.StateBeforeJob);
            Assert.Equal(Instances.Start.AddMinutes(1), instance.UpdatedAt);
        }
        else
        {
            var illegal = Assert.IsType<IllegalTransitionException>(refusal);
            Assert.Equal(state.ToString(), illegal.From);
            Assert.Equal(state, instance.State);
        }
    }

    [Theory]
    [InlineData(JobKind.Deploy, InstanceState.Pending)]
    [InlineData(JobKind.Redeploy, InstanceState.Active)]
    [InlineData(JobKind.Suspend, InstanceState.Active)]
    [InlineData(JobKind.Resume, InstanceState.Suspended)]
    [InlineData(JobKind.RotateCertificate, InstanceState.Active)]
    [InlineData(JobKind.Decommission, InstanceState.Failed)]
    [InlineData(JobKind.BackOut, InstanceState.NeedsAttention)]
    public void StartJob_OfARequeuedAttemptIsIdempotentTest(JobKind kind, InstanceState from)
    {
        var instance = Instances.InState(from);
        instance.StartJob(kind, Instances.Start);
        var stateWhileRunning = instance.State;

        instance.StartJob(kind, Instances.Start.AddMinutes(5));

        Assert.Equal(stateWhileRunning, instance.State);
        Assert.Equal(from, instance.StateBeforeJob);
        Assert.Equal(Instances.Start, instance.UpdatedAt);
    }

    [Fact]
    public void StartJob_ThenFinishJob_ReturnsARequeuedSuspendToItsOutcomeTest()
    {
        var instance = Instances.InState(InstanceState.Active);
        instance.StartJob(JobKind.Suspend, Instances.Start);
        instance.StartJob(JobKind.Suspend, Instances.Start);

        instance.FinishJob(JobKind.Suspend, JobState.Succeeded, null, JobResultFacts.None, Instances.Start);

        Assert.Equal(InstanceState.Suspended, instance.State);
        Assert.Null(instance.StateBeforeJob);
    }
}
