using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Tests.Support;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>A started job ends: every kind with every outcome, and what the instance records.</summary>
public sealed class ManagedInstanceFinishJobTests
{
    private static readonly JobState[] Outcomes =
        [JobState.Succeeded, JobState.Failed, JobState.RolledBack, JobState.NeedsAttention, JobState.Cancelled];

    /// <summary>Where each kind starts from in these tests, and the state each outcome leaves (ARCHITECTURE §2).</summary>
    private static readonly Dictionary<JobKind, (InstanceState From, Dictionary<JobState, InstanceState> Ends)> Table = new()
    {
        // A deploy rolled back, or one the worker could not start (Failed: nothing touched), is Failed (retry allowed);
        // leftovers, or an end nobody knows (the reaper reports NeedsAttention), need attention.
        [JobKind.Deploy] = (InstanceState.Pending, Ends(succeeded: InstanceState.Active, failed: InstanceState.Failed,
            rolledBack: InstanceState.Failed, needsAttention: InstanceState.NeedsAttention, cancelled: InstanceState.Failed)),
        // A failed redeploy leaves the previous code live.
        [JobKind.Redeploy] = (InstanceState.Active, Ends(succeeded: InstanceState.Active, failed: InstanceState.Active,
            rolledBack: InstanceState.Active, needsAttention: InstanceState.NeedsAttention, cancelled: InstanceState.Active)),
        [JobKind.Suspend] = (InstanceState.Active, Ends(succeeded: InstanceState.Suspended, failed: InstanceState.Active,
            rolledBack: InstanceState.Active, needsAttention: InstanceState.Active, cancelled: InstanceState.Active)),
        [JobKind.Resume] = (InstanceState.Suspended, Ends(succeeded: InstanceState.Active, failed: InstanceState.Suspended,
            rolledBack: InstanceState.Suspended, needsAttention: InstanceState.Suspended, cancelled: InstanceState.Suspended)),
        [JobKind.RotateCertificate] = (InstanceState.Suspended, Ends(succeeded: InstanceState.Suspended, failed: InstanceState.Suspended,
            rolledBack: InstanceState.Suspended, needsAttention: InstanceState.Suspended, cancelled: InstanceState.Suspended)),
        // Archive first, then removal: a decommission undone keeps the instance as it was.
        [JobKind.Decommission] = (InstanceState.Suspended, Ends(succeeded: InstanceState.Archived, failed: InstanceState.Suspended,
            rolledBack: InstanceState.Suspended, needsAttention: InstanceState.NeedsAttention, cancelled: InstanceState.Suspended)),
        // A complete back-out leaves a clean Failed instance that can be retried.
        [JobKind.BackOut] = (InstanceState.NeedsAttention, Ends(succeeded: InstanceState.Failed, failed: InstanceState.NeedsAttention,
            rolledBack: InstanceState.NeedsAttention, needsAttention: InstanceState.NeedsAttention, cancelled: InstanceState.NeedsAttention)),
    };

    public static TheoryData<JobKind, JobState> Pairs() => Matrix.Of(Enum.GetValues<JobKind>(), Outcomes);

    [Fact]
    public void Table_CoversEveryKindTest()
    {
        Assert.Equal(Enum.GetValues<JobKind>().Order(), Table.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void FinishJob_MovesToTheStateTheOutcomeImpliesTest(JobKind kind, JobState outcome)
    {
        var (from, ends) = Table[kind];
        var instance = Started(kind, from);
        var at = Instances.Start.AddHours(1);

        instance.FinishJob(kind, outcome, null, JobResultFacts.None, at);

        Assert.Equal(ends[outcome], instance.State);
        Assert.Null(instance.StateBeforeJob);
        Assert.Equal(at, instance.UpdatedAt);
        Assert.Equal(outcome == JobState.Succeeded, instance.LastError is null);
    }

    [Fact]
    public void FinishJob_RecordsTheReportedErrorWithItsLeftoversTest()
    {
        var instance = Started(JobKind.Deploy, InstanceState.Pending);
        var error = new InstanceError("VirtualHost", "apache2 -t: Syntax error on line 3", ["/var/www/shop", "database cd_shop"], 42);

        instance.FinishJob(JobKind.Deploy, JobState.NeedsAttention, error, JobResultFacts.None, Instances.Start);

        Assert.Equal(error.Step, instance.LastError?.Step);
        Assert.Equal(error.Message, instance.LastError?.Message);
        Assert.Equal(error.Leftovers, instance.LastError?.Leftovers);
        Assert.Equal(42, instance.LastError?.JobId);
    }

    [Theory]
    [InlineData(JobState.RolledBack, "RolledBack")]
    [InlineData(JobState.Cancelled, "cancelled")]
    public void FinishJob_RecordsAFallbackErrorWhenNoneWasReportedTest(JobState outcome, string expected)
    {
        var instance = Started(JobKind.Deploy, InstanceState.Pending);

        instance.FinishJob(JobKind.Deploy, outcome, null, JobResultFacts.None, Instances.Start);

        Assert.Equal("Deploy", instance.LastError?.Step);
        Assert.Contains(expected, instance.LastError?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FinishJob_ClearsThePreviousErrorOnSuccessTest()
    {
        var instance = Instances.InState(InstanceState.Failed);
        Assert.NotNull(instance.LastError);
        instance.StartJob(JobKind.Deploy, Instances.Start);

        instance.FinishJob(JobKind.Deploy, JobState.Succeeded, null, new JobResultFacts(Url: "https://shop.example.com:8443/"), Instances.Start);

        Assert.Null(instance.LastError);
        Assert.Empty(instance.ErrorLeftovers);
        Assert.Equal("https://shop.example.com:8443/", instance.Url);
    }

    [Fact]
    public void FinishJob_TakesTheNewReleaseOnlyFromASuccessfulRedeployTest()
    {
        var failed = Started(JobKind.Redeploy, InstanceState.Active);
        var succeeded = Started(JobKind.Redeploy, InstanceState.Active);

        failed.FinishJob(JobKind.Redeploy, JobState.RolledBack, null, new JobResultFacts(Release: "v2"), Instances.Start);
        succeeded.FinishJob(JobKind.Redeploy, JobState.Succeeded, null, new JobResultFacts(Release: "v2"), Instances.Start);

        Assert.Equal("default", failed.Release);
        Assert.Equal("v2", succeeded.Release);
    }

    [Fact]
    public void FinishJob_KeepsTheArchivePathAndDropsTheUrlWhenArchivedTest()
    {
        var instance = Instances.InState(InstanceState.Pending);
        instance.StartJob(JobKind.Deploy, Instances.Start);
        instance.FinishJob(JobKind.Deploy, JobState.Succeeded, null, new JobResultFacts(Url: "https://shop.example.com/"), Instances.Start);
        instance.StartJob(JobKind.Decommission, Instances.Start);

        instance.FinishJob(JobKind.Decommission, JobState.Succeeded, null, new JobResultFacts(ArchivePath: "/var/archive/shop.tar.gz"), Instances.Start);

        Assert.Equal(InstanceState.Archived, instance.State);
        Assert.False(instance.IsLive);
        Assert.Null(instance.Url);
        Assert.Equal("/var/archive/shop.tar.gz", instance.ArchivePath);
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Running)]
    public void FinishJob_RefusesAnOutcomeThatIsNotFinishedTest(JobState outcome)
    {
        var instance = Started(JobKind.Deploy, InstanceState.Pending);

        Assert.Throws<ArgumentOutOfRangeException>(() => instance.FinishJob(JobKind.Deploy, outcome, null, JobResultFacts.None, Instances.Start));
        Assert.Equal(InstanceState.Deploying, instance.State);
    }

    [Fact]
    public void ReplaceCertificate_TakesTheNewMaterialTest()
    {
        var instance = Instances.InState(InstanceState.Active);
        var notAfter = Instances.Start.AddDays(90);

        instance.ReplaceCertificate(new TlsMaterial("CERT", "PROTECTED", "CHAIN", notAfter), Instances.Start.AddDays(1));

        Assert.Equal("CERT", instance.CertificatePem);
        Assert.Equal("PROTECTED", instance.ProtectedKeyPem);
        Assert.Equal("CHAIN", instance.ChainPem);
        Assert.Equal(notAfter, instance.CertificateNotAfter);
        Assert.Equal(Instances.Start.AddDays(1), instance.UpdatedAt);
    }

    [Fact]
    public void Create_StartsPendingWithDerivedNamesTest()
    {
        var instance = Instances.Pending();

        Assert.Equal(InstanceState.Pending, instance.State);
        Assert.True(instance.IsLive);
        Assert.Null(instance.LastError);
        Assert.Equal("cd_shop", instance.Derived.Database);
        Assert.Equal(Instances.Start, instance.CreatedAt);
    }

    private static ManagedInstance Started(JobKind kind, InstanceState from)
    {
        var instance = Instances.InState(from);
        instance.StartJob(kind, Instances.Start);
        return instance;
    }

    private static Dictionary<JobState, InstanceState> Ends(InstanceState succeeded, InstanceState failed, InstanceState rolledBack,
        InstanceState needsAttention, InstanceState cancelled) => new()
    {
        [JobState.Succeeded] = succeeded,
        [JobState.Failed] = failed,
        [JobState.RolledBack] = rolledBack,
        [JobState.NeedsAttention] = needsAttention,
        [JobState.Cancelled] = cancelled,
    };
}
