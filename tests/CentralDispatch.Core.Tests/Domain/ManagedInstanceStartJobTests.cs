using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Core.Tests.Support;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>A worker starting an instance's job: the in-progress states, requeued attempts, and jobs that may not start.</summary>
public sealed class ManagedInstanceStartJobTests
{
    public static TheoryData<JobKind, InstanceState> Pairs() => Matrix.Of(Enum.GetValues<JobKind>(), Enum.GetValues<InstanceState>());

    [Theory]
    [InlineData(JobKind.Deploy, InstanceState.Pending, InstanceState.Deploying)]
    [InlineData(JobKind.Deploy, InstanceState.Failed, InstanceState.Deploying)]
    [InlineData(JobKind.Redeploy, InstanceState.Active, InstanceState.Updating)]
    [InlineData(JobKind.Decommission, InstanceState.Suspended, InstanceState.Decommissioning)]
    [InlineData(JobKind.Suspend, InstanceState.Active, InstanceState.Active)]
    [InlineData(JobKind.RotateCertificate, InstanceState.Suspended, InstanceState.Suspended)]
    [InlineData(JobKind.BackOut, InstanceState.NeedsAttention, InstanceState.NeedsAttention)]
    public void StartJob_MovesIntoTheStateTheJobRunsInTest(JobKind kind, InstanceState from, InstanceState whileRunning)
    {
        var instance = Instances.InState(from);

        instance.StartJob(kind, Instances.Start.AddMinutes(1));

        Assert.Equal(whileRunning, instance.State);
        Assert.Equal(from, instance.StateBeforeJob);
        Assert.Equal(Instances.Start.AddMinutes(1), instance.UpdatedAt);
    }

    [Theory]
    [InlineData(JobKind.Redeploy, InstanceState.Pending)]
    [InlineData(JobKind.Deploy, InstanceState.Active)]
    [InlineData(JobKind.Resume, InstanceState.Failed)]
    [InlineData(JobKind.Decommission, InstanceState.Archived)]
    [InlineData(JobKind.Suspend, InstanceState.Deploying)]
    [InlineData(JobKind.Deploy, InstanceState.Updating)]
    public void StartJob_RefusesAJobTheStateDoesNotAllowTest(JobKind kind, InstanceState state)
    {
        var instance = Instances.InState(state);

        var illegal = Assert.IsType<IllegalTransitionException>(Record.Exception(() => instance.StartJob(kind, Instances.Start.AddMinutes(1))));

        Assert.Equal(state.ToString(), illegal.From);
        Assert.Equal(state, instance.State);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void StartJob_StartsFromTheStatesItsActionIsAllowedFromTest(JobKind kind, InstanceState state)
    {
        // Every state but a running job's: a job may start exactly where the action that queues it may be queued.
        if (state is InstanceState.Deploying or InstanceState.Updating or InstanceState.Decommissioning)
        {
            return;
        }

        var instance = Instances.InState(state);
        var action = InstanceActions.ForKind(kind);

        var refusal = Record.Exception(() => instance.StartJob(kind, Instances.Start));

        Assert.Equal(Record.Exception(() => Instances.InState(state).EnsureAllows(action)) is null, refusal is null);
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

    [Theory]
    [InlineData(InstanceState.Pending, JobKind.Deploy, JobKind.Suspend)]
    [InlineData(InstanceState.Active, JobKind.Redeploy, JobKind.Decommission)]
    [InlineData(InstanceState.Active, JobKind.Decommission, JobKind.Redeploy)]
    public void StartJob_WhileAJobRuns_OnlyItsNewAttemptMayStartTest(InstanceState from, JobKind running, JobKind other)
    {
        var instance = Instances.InState(from);
        instance.StartJob(running, Instances.Start);
        var whileRunning = instance.State;

        Assert.IsType<IllegalTransitionException>(Record.Exception(() => instance.StartJob(other, Instances.Start)));
        instance.StartJob(running, Instances.Start);
        Assert.Equal(whileRunning, instance.State);
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
