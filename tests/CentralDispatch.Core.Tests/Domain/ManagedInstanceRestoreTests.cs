using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>Archived → Pending: the one move out of Archived, for a restore under the same name.</summary>
public sealed class ManagedInstanceRestoreTests
{
    [Fact]
    public void Restore_OfAnArchivedInstance_MakesItPendingWithTheNewNames_KeepingItsArchiveTest()
    {
        var instance = Instances.InState(InstanceState.Active);
        instance.StartJob(JobKind.Decommission, Instances.Start);
        instance.FinishJob(JobKind.Decommission, JobState.Succeeded, null, new JobResultFacts(ArchivePath: "/archives/shop.tar.gz"), Instances.Start);
        var tls = new TlsMaterial("CERT", "PROTECTED", null, Instances.Start.AddDays(90));

        instance.Restore("new.example.com", ["www.new.example.com"], tls, Instances.Start.AddHours(1));

        Assert.Equal(InstanceState.Pending, instance.State);
        Assert.Equal("new.example.com", instance.Hostname);
        Assert.Equal(["www.new.example.com"], instance.Aliases);
        Assert.Equal("CERT", instance.CertificatePem);
        Assert.Equal("/archives/shop.tar.gz", instance.ArchivePath);
        Assert.True(instance.IsLive);
        instance.StartJob(JobKind.Deploy, Instances.Start);
        Assert.Equal(InstanceState.Deploying, instance.State);
    }

    [Theory]
    [InlineData(InstanceState.Pending)]
    [InlineData(InstanceState.Active)]
    [InlineData(InstanceState.Failed)]
    [InlineData(InstanceState.Decommissioning)]
    public void Restore_OfAnInstanceThatIsNotArchived_IsRefusedTest(InstanceState state)
    {
        var instance = Instances.InState(state);

        var refusal = Assert.Throws<IllegalTransitionException>(() => instance.Restore("x.example.com", [], null, Instances.Start));

        Assert.Equal(state.ToString(), refusal.From);
        Assert.Equal("restore", refusal.Attempted);
        Assert.Equal(state, instance.State);
    }
}
