using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Core.Validation;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Core.Tests.Domain.Actions;

/// <summary>Each action's typed arguments: made from the request, stored with the job, sent to the worker, applied when it ends.</summary>
public sealed class ActionArgumentsTests
{
    // A stand-in for the dispatcher's Data Protection: reversible, and no longer readable as a key.
    private static readonly Func<string, string> Protect = key => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key));
    private static readonly Func<string, string> Unprotect = key => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(key));

    [Fact]
    public void Redeploy_WithoutARelease_ShipsTheInstancesOwnTest()
    {
        var redeploy = InstanceActions.Get<RedeployAction>();
        var (context, errors) = Context(Instances.InState(InstanceState.Active), new InstanceActionRequest());

        var stored = redeploy.StoreArguments(context);

        Assert.True(errors.IsEmpty);
        Assert.Equal("default", redeploy.Payload(stored, Unprotect).Release);
    }

    [Fact]
    public void Redeploy_OfAMalformedRelease_IsRefusedAtTheReleaseFieldTest()
    {
        var (context, errors) = Context(Instances.InState(InstanceState.Active), new InstanceActionRequest(Release: "../etc"));

        var stored = InstanceActions.Get<RedeployAction>().StoreArguments(context);

        Assert.Null(stored);
        Assert.True(errors.Has("release"));
    }

    [Fact]
    public void RotateCertificate_WithoutACertificate_IsRefusedAtTheCertificateFieldTest()
    {
        var (context, errors) = Context(Instances.InState(InstanceState.Active), null);

        Assert.Null(InstanceActions.Get<RotateCertificateAction>().StoreArguments(context));
        Assert.True(errors.Has(TlsRule.CertificateField));
    }

    [Fact]
    public void RotateCertificate_StoresTheKeyProtected_SendsItPlain_AndMakesTheCertificateTheInstancesOnSuccessTest()
    {
        var rotate = InstanceActions.Get<RotateCertificateAction>();
        var pem = TestCertificates.ForHosts("shop.example.com", "www.shop.example.com");
        var instance = Instances.InState(InstanceState.Active);
        var (context, errors) = Context(instance, new InstanceActionRequest(CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem));

        var stored = rotate.StoreArguments(context);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.DoesNotContain("PRIVATE KEY", stored, StringComparison.Ordinal);
        Assert.Equal(pem.KeyPem.Trim(), rotate.Payload(stored, Unprotect).NewTls?.KeyPem.Trim());

        instance.StartJob(rotate.Kind, Instances.Start);
        instance.FinishJob(rotate.Kind, JobState.Succeeded, null, rotate.ResultFacts(stored, JobResultFacts.None), Instances.Start);

        Assert.Equal(pem.CertificatePem.Trim(), instance.CertificatePem?.Trim());
        Assert.Equal(pem.KeyPem.Trim(), Unprotect(instance.ProtectedKeyPem!).Trim());
    }

    [Fact]
    public void Deploy_OfARestoredInstance_RestoresFromTheArchiveAgainTest()
    {
        var deploy = InstanceActions.Get<DeployAction>();
        var restored = deploy.Store(new DeployAction.Arguments("/archives/shop-20300102-job7.tar.gz"));
        var (context, _) = Context(Instances.InState(InstanceState.Failed), null, previous: restored);

        var stored = InstanceActions.Get<RetryAction>().StoreArguments(context);

        Assert.Equal("/archives/shop-20300102-job7.tar.gz", deploy.Payload(stored, Unprotect).RestoreFromArchive);
    }

    [Fact]
    public void Deploy_OfAnInstanceNeverArchived_CarriesNothingTest()
    {
        var (context, _) = Context(Instances.Pending(), null);

        Assert.Null(InstanceActions.Get<DeployAction>().StoreArguments(context));
        Assert.Equal(new Contracts.Agent.JobPayloadParameters(), InstanceActions.Get<DeployAction>().Payload(null, Unprotect));
    }

    [Theory]
    [InlineData(JobKind.Suspend)]
    [InlineData(JobKind.Resume)]
    [InlineData(JobKind.Decommission)]
    [InlineData(JobKind.BackOut)]
    public void ActionsWithoutArguments_StoreAndSendNothingTest(JobKind kind)
    {
        var action = InstanceActions.ForKind(kind);
        var (context, errors) = Context(Instances.InState(action.AllowedFrom[0]), new InstanceActionRequest(Release: "v2"));

        Assert.Null(action.StoreArguments(context));
        Assert.True(errors.IsEmpty);
        Assert.Equal(new Contracts.Agent.JobPayloadParameters(), action.Payload(null, Unprotect));
    }

    [Fact]
    public void JobsQueuedBeforeTypedArguments_AreStillReadTest()
    {
        // Until typed arguments, every job stored one flat record of six nullable fields.
        const string Rotate = """{"release":null,"certificatePem":"CERT","protectedKeyPem":"S0VZ","chainPem":null,"certificateNotAfter":"2031-01-01T00:00:00+00:00","restoreFromArchive":null}""";
        const string Restore = """{"release":null,"certificatePem":null,"protectedKeyPem":null,"chainPem":null,"certificateNotAfter":null,"restoreFromArchive":"/archives/a.tar.gz"}""";
        const string Redeploy = """{"release":"v2","certificatePem":null,"protectedKeyPem":null,"chainPem":null,"certificateNotAfter":null,"restoreFromArchive":null}""";

        var rotated = InstanceActions.Get<RotateCertificateAction>().Payload(Rotate, Unprotect).NewTls;
        var facts = InstanceActions.Get<RotateCertificateAction>().ResultFacts(Rotate, JobResultFacts.None);

        Assert.Equal(("CERT", "KEY"), (rotated?.CertificatePem, rotated?.KeyPem));
        Assert.Equal(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), facts.Certificate?.NotAfter);
        Assert.Equal("/archives/a.tar.gz", InstanceActions.Get<DeployAction>().Payload(Restore, Unprotect).RestoreFromArchive);
        Assert.Equal("v2", InstanceActions.Get<RedeployAction>().Payload(Redeploy, Unprotect).Release);
    }

    private static (ActionContext Context, FieldErrors Errors) Context(ManagedInstance instance, InstanceActionRequest? request, string? previous = null)
    {
        var errors = new FieldErrors();
        var context = new ActionContext(instance, request, previous, DateTimeOffset.UtcNow,
            tls => new TlsMaterial(tls.CertificatePem, Protect(tls.KeyPem), tls.ChainPem, tls.NotAfter), errors);
        return (context, errors);
    }
}
