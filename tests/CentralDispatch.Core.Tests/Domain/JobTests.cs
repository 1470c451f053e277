using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Tests.Domain;

public sealed class JobTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly JobState[] Outcomes =
        [JobState.Succeeded, JobState.Failed, JobState.RolledBack, JobState.NeedsAttention, JobState.Cancelled];

    public static TheoryData<JobState> ReportableOutcomes() => [.. Outcomes];

    [Fact]
    public void Queue_StartsQueuedAsTheFirstAttemptWithoutLeaseTest()
    {
        var job = Queued();

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(1, job.Attempt);
        Assert.Null(job.LeaseToken);
        Assert.Null(job.LeaseExpiresAt);
        Assert.Null(job.StartedAt);
        Assert.False(job.IsFinished);
    }

    [Fact]
    public void Claim_LeasesTheJobToItsOwnerTest()
    {
        var job = Queued();
        var token = Guid.NewGuid();

        job.Claim("web-1", token, Now, Lease);

        Assert.Equal(JobState.Running, job.State);
        Assert.Equal("web-1", job.LeaseOwner);
        Assert.Equal(token, job.LeaseToken);
        Assert.Equal(Now + Lease, job.LeaseExpiresAt);
        Assert.Equal(Now, job.StartedAt);
        Assert.True(job.IsHeldBy(1, token));
    }

    [Fact]
    public void Claim_RefusesAJobThatIsAlreadyRunningTest()
    {
        var job = Running(out var first);

        Assert.Throws<IllegalTransitionException>(() => job.Claim("web-1", Guid.NewGuid(), Now, Lease));
        Assert.True(job.IsHeldBy(1, first));
    }

    [Fact]
    public void ExtendLease_MovesTheExpiryFromNowTest()
    {
        var job = Running(out var token);

        job.ExtendLease(Now.AddSeconds(40), Lease);

        Assert.Equal(Now.AddSeconds(40) + Lease, job.LeaseExpiresAt);
        Assert.True(job.IsHeldBy(1, token));
    }

    [Fact]
    public void ExtendLease_RefusesAJobThatIsNotRunningTest()
    {
        Assert.Throws<IllegalTransitionException>(() => Queued().ExtendLease(Now, Lease));
    }

    [Fact]
    public void Requeue_StartsTheNextAttemptAndClearsTheLeaseTest()
    {
        var job = Running(out var token);

        job.Requeue();

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(2, job.Attempt);
        Assert.Null(job.LeaseOwner);
        Assert.Null(job.LeaseToken);
        Assert.Null(job.LeaseExpiresAt);
        Assert.False(job.IsHeldBy(1, token));
    }

    [Fact]
    public void Requeue_ThenClaim_KeepsTheFirstStartTimeAndFencesTheOldAttemptTest()
    {
        var job = Running(out var oldToken);
        job.Requeue();
        var newToken = Guid.NewGuid();

        job.Claim("web-1", newToken, Now.AddMinutes(5), Lease);

        Assert.Equal(Now, job.StartedAt);
        Assert.True(job.IsHeldBy(2, newToken));
        Assert.False(job.IsHeldBy(1, oldToken));
        Assert.False(job.IsHeldBy(2, oldToken));
        Assert.False(job.IsHeldBy(1, newToken));
    }

    [Fact]
    public void Requeue_RefusesAJobThatIsNotRunningTest()
    {
        Assert.Throws<IllegalTransitionException>(() => Queued().Requeue());
    }

    [Theory]
    [MemberData(nameof(ReportableOutcomes))]
    public void Complete_FinishesARunningJobWithItsOutcomeTest(JobState outcome)
    {
        var job = Running(out var token);

        job.Complete(outcome, outcome == JobState.Succeeded ? null : "step failed", Now.AddMinutes(3));

        Assert.Equal(outcome, job.State);
        Assert.True(job.IsFinished);
        Assert.Equal(Now.AddMinutes(3), job.FinishedAt);
        Assert.False(job.IsHeldBy(1, token));
        Assert.True(job.WasCompletedUnder(1, token));
        Assert.Null(job.LeaseExpiresAt);
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Running)]
    public void Complete_RefusesAnOutcomeThatIsNotFinishedTest(JobState outcome)
    {
        var job = Running(out _);

        Assert.Throws<DomainException>(() => job.Complete(outcome, null, Now));
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void Complete_RefusesAQueuedJobTest()
    {
        var job = Queued();

        Assert.Throws<IllegalTransitionException>(() => job.Complete(JobState.Succeeded, null, Now));
        Assert.Equal(JobState.Queued, job.State);
    }

    [Theory]
    [MemberData(nameof(ReportableOutcomes))]
    public void Complete_RefusesAFinishedJobTest(JobState first)
    {
        var job = Running(out _);
        job.Complete(first, null, Now);

        Assert.Throws<IllegalTransitionException>(() => job.Complete(JobState.Succeeded, null, Now.AddMinutes(1)));
        Assert.Equal(first, job.State);
        Assert.Equal(Now, job.FinishedAt);
    }

    [Fact]
    public void Abandon_FailsARunningJobWithTheReasonTest()
    {
        var job = Running(out _);

        job.Abandon("Lease expired 3 times.", Now);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("Lease expired 3 times.", job.Error);
        Assert.Throws<IllegalTransitionException>(() => Queued().Abandon("x", Now));
    }

    [Fact]
    public void Cancel_EndsAQueuedJobAtOnceTest()
    {
        var job = Queued();

        Assert.True(job.Cancel(Now));
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal(Now, job.FinishedAt);
    }

    [Fact]
    public void Cancel_OnlyAsksARunningJobToStopTest()
    {
        var job = Running(out var token);

        Assert.False(job.Cancel(Now));
        Assert.Equal(JobState.Running, job.State);
        Assert.True(job.CancelRequested);
        Assert.True(job.IsHeldBy(1, token));
    }

    [Fact]
    public void Cancel_OnlyAsksAJobQueuedAgainAfterALostLeaseToStop_ForItsWorkerToRollBackTest()
    {
        var job = Running(out _);
        job.Requeue();

        Assert.False(job.Cancel(Now));
        Assert.Equal(JobState.Queued, job.State);
        Assert.True(job.CancelRequested);
        Assert.Null(job.FinishedAt);
        var token = Guid.NewGuid();
        job.Claim("web-1", token, Now, Lease);
        job.Complete(JobState.Cancelled, "rolled back: the job was cancelled", Now);
        Assert.Equal((JobState.Cancelled, 2), (job.State, job.Attempt));
    }

    [Theory]
    [MemberData(nameof(ReportableOutcomes))]
    public void Cancel_RefusesAFinishedJobTest(JobState outcome)
    {
        var job = Running(out _);
        job.Complete(outcome, null, Now);

        Assert.Throws<IllegalTransitionException>(() => job.Cancel(Now));
        Assert.Equal(outcome, job.State);
    }

    [Fact]
    public void IsHeldBy_IsFalseForAQueuedJobTest()
    {
        Assert.False(Queued().IsHeldBy(1, Guid.Empty));
    }

    private static Job Queued() => Job.Queue(Guid.NewGuid(), Guid.NewGuid(), JobKind.Deploy, null, "admin@example.com", Now);

    private static Job Running(out Guid token)
    {
        var job = Queued();
        token = Guid.NewGuid();
        job.Claim("web-1", token, Now, Lease);
        return job;
    }
}
