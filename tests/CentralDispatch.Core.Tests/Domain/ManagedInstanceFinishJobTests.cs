using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>A started job ends: where each outcome leaves the instance (ARCHITECTURE §2), and what the instance records.</summary>
public sealed class ManagedInstanceFinishJobTests
{
    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.RolledBack)]
    [InlineData(JobState.Cancelled)]
    public void FinishJob_ADeployUndone_IsFailed_AndMayBeRetriedTest(JobState outcome)
    {
        // Failed also means the worker could not run the plan at all (nothing touched): retry is safe.
        var instance = Started(JobKind.Deploy, InstanceState.Pending);

        instance.FinishJob(JobKind.Deploy, outcome, null, JobResultFacts.None, Instances.Start);

        Assert.Equal(InstanceState.Failed, instance.State);
        instance.EnsureAllows(InstanceActions.Get<RetryAction>());
    }

    [Theory]
    [InlineData(JobKind.Deploy, InstanceState.Pending, InstanceState.Active)]
    [InlineData(JobKind.Redeploy, InstanceState.Active, InstanceState.Active)]
    [InlineData(JobKind.Suspend, InstanceState.Active, InstanceState.Suspended)]
    [InlineData(JobKind.Suspend, InstanceState.Suspended, InstanceState.Suspended)]
    [InlineData(JobKind.Resume, InstanceState.Suspended, InstanceState.Active)]
    [InlineData(JobKind.RotateCertificate, InstanceState.Suspended, InstanceState.Suspended)]
    [InlineData(JobKind.Decommission, InstanceState.Failed, InstanceState.Archived)]
    [InlineData(JobKind.BackOut, InstanceState.NeedsAttention, InstanceState.Failed)]
    public void FinishJob_ASuccess_LeavesTheStateTheJobIsForTest(JobKind kind, InstanceState from, InstanceState expected)
    {
        // A complete back-out leaves a clean Failed instance that can be retried.
        var instance = Started(kind, from);

        instance.FinishJob(kind, JobState.Succeeded, null, JobResultFacts.None, Instances.Start.AddHours(1));

        Assert.Equal(expected, instance.State);
        Assert.Null(instance.StateBeforeJob);
        Assert.Null(instance.LastError);
        Assert.Equal(Instances.Start.AddHours(1), instance.UpdatedAt);
    }

    [Theory]
    [InlineData(JobKind.Redeploy, InstanceState.Active, JobState.RolledBack)]
    [InlineData(JobKind.Redeploy, InstanceState.Active, JobState.Cancelled)]
    [InlineData(JobKind.Suspend, InstanceState.Active, JobState.RolledBack)]
    [InlineData(JobKind.Suspend, InstanceState.Active, JobState.NeedsAttention)]
    [InlineData(JobKind.Resume, InstanceState.Suspended, JobState.Failed)]
    [InlineData(JobKind.Resume, InstanceState.Suspended, JobState.NeedsAttention)]
    [InlineData(JobKind.RotateCertificate, InstanceState.Active, JobState.NeedsAttention)]
    [InlineData(JobKind.RotateCertificate, InstanceState.Suspended, JobState.RolledBack)]
    [InlineData(JobKind.Decommission, InstanceState.Suspended, JobState.RolledBack)]
    [InlineData(JobKind.Decommission, InstanceState.Active, JobState.Cancelled)]
    public void FinishJob_AFailureUndone_LeavesTheInstanceAsItWasTest(JobKind kind, InstanceState from, JobState outcome)
    {
        // A failed redeploy leaves the previous code live; archive first, then removal: a decommission undone keeps the
        // instance as it was; suspend, resume and rotation switch back what they switched.
        var instance = Started(kind, from);

        instance.FinishJob(kind, outcome, null, JobResultFacts.None, Instances.Start.AddHours(1));

        Assert.Equal(from, instance.State);
        Assert.Null(instance.StateBeforeJob);
        Assert.NotNull(instance.LastError);
    }

    [Theory]
    [InlineData(JobKind.Deploy, InstanceState.Pending)]
    [InlineData(JobKind.Redeploy, InstanceState.Active)]
    [InlineData(JobKind.Decommission, InstanceState.Suspended)]
    [InlineData(JobKind.BackOut, InstanceState.Failed)]
    public void FinishJob_LeftoversOfAJobThatRemovesOrMakes_NeedAttentionTest(JobKind kind, InstanceState from)
    {
        var instance = Started(kind, from);

        instance.FinishJob(kind, JobState.NeedsAttention, null, JobResultFacts.None, Instances.Start);

        Assert.Equal(InstanceState.NeedsAttention, instance.State);
    }

    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.RolledBack)]
    [InlineData(JobState.Cancelled)]
    public void FinishJob_ABackOutShortOfComplete_StillNeedsAttentionTest(JobState outcome)
    {
        var instance = Started(JobKind.BackOut, InstanceState.Failed);

        instance.FinishJob(JobKind.BackOut, outcome, null, JobResultFacts.None, Instances.Start);

        Assert.Equal(InstanceState.NeedsAttention, instance.State);
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
    public void FinishJob_TakesTheNewCertificateOnlyFromASuccessTest()
    {
        var tls = new TlsMaterial("NEW CERT", "NEW PROTECTED KEY", null, Instances.Start.AddDays(90));
        var failed = Started(JobKind.RotateCertificate, InstanceState.Active);
        var succeeded = Started(JobKind.RotateCertificate, InstanceState.Active);

        failed.FinishJob(JobKind.RotateCertificate, JobState.RolledBack, null, new JobResultFacts(Certificate: tls), Instances.Start);
        succeeded.FinishJob(JobKind.RotateCertificate, JobState.Succeeded, null, new JobResultFacts(Certificate: tls), Instances.Start);

        Assert.Null(failed.CertificatePem);
        Assert.Equal("NEW CERT", succeeded.CertificatePem);
        Assert.Equal("NEW PROTECTED KEY", succeeded.ProtectedKeyPem);
        Assert.Equal(tls.NotAfter, succeeded.CertificateNotAfter);
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
}
