using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Ownership;
using CentralDispatch.Worker.Provisioning.Rotate;
using CentralDispatch.Worker.Tests.Deploy;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Certificate rotation on the real sandbox Apache: the new certificate is served, or the old one still is.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class RotateCertificateTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Rotate_ServesTheNewCertificate_AndLeavesNoStagedOrOldFiles()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "rot"));
        var replacement = NewTls(instance.Hostname);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.RotateCertificate), RotationOf(instance, replacement));

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var served = await Sites.ProbeAsync(worker, instance);
        Assert.True(served.Succeeded, served.Failure);
        Assert.Equal(Sites.Thumbprint(replacement.CertificatePem), served.CertificateThumbprint);
        var layout = worker.Layout(instance);
        Assert.True(OwnershipTag.FileCarriesTag(layout.Certificates.KeyFile, instance.Name));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(layout.Certificates.KeyFile));
        Assert.Equal(layout.Certificates.All.Order(StringComparer.Ordinal), InstanceCertificateFiles(instance.Name));
    }

    [Fact]
    public async Task Rotate_FailingOnceTheNewCertificateIsInPlace_PutsTheOldFilesBack_AndTheOldCertificateIsServed()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "rotf"));
        var layout = worker.Layout(instance);
        var before = await File.ReadAllTextAsync(layout.Certificates.CertificateFile);
        var plan = worker.PlanFor(JobKind.RotateCertificate, s => s.Name == CertificateCheckStep.StepName ? new FailAfterApplyStep(s) : s);

        var result = await worker.RunAndAcknowledgeAsync(plan, RotationOf(instance, NewTls(instance.Hostname)));
        var served = await Eventually.GetAsync(() => Sites.ProbeAsync(worker, instance),
            r => r.CertificateThumbprint == Sites.Thumbprint(instance.Tls!.CertificatePem));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(CertificateCheckStep.StepName, result.FailedStep);
        Assert.True(served.Succeeded, served.Failure);
        Assert.Equal(Sites.Thumbprint(instance.Tls!.CertificatePem), served.CertificateThumbprint);
        Assert.Equal(before, await File.ReadAllTextAsync(layout.Certificates.CertificateFile));
        Assert.Equal(layout.Certificates.All.Order(StringComparer.Ordinal), InstanceCertificateFiles(instance.Name));
    }

    [Fact]
    public async Task Rotate_ToACertificateForAnotherHost_FailsItsPreflight_AndTheOldCertificateIsServed()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "rotp"));

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.RotateCertificate), RotationOf(instance, NewTls("elsewhere.example.net")));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal("Preflight", result.FailedStep);
        Assert.Contains(instance.Hostname, result.Message, StringComparison.Ordinal);
        Assert.Equal(Sites.Thumbprint(instance.Tls!.CertificatePem), (await Sites.ProbeAsync(worker, instance)).CertificateThumbprint);
    }

    [Fact]
    public async Task Rotate_OfAnInstanceWithoutItsOwnCertificate_PointsItsVhostAtTheNewFiles()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(withCertificate: false, prefix: "rotn"));
        var replacement = NewTls(instance.Hostname);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.RotateCertificate), RotationOf(instance, replacement));

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var served = await Sites.ProbeAsync(worker, instance with { Tls = replacement });
        Assert.True(served.Succeeded, served.Failure);
        Assert.Equal(Sites.Thumbprint(replacement.CertificatePem), served.CertificateThumbprint);
        Assert.False(File.Exists(worker.Layout(instance).VirtualHostFile + NewCertificate.PreviousSuffix));
    }

    [Fact]
    public async Task Rotate_OfASuspendedInstance_ServesItsMaintenancePageWithTheNewCertificate()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: "rots"));
        await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Suspend), SandboxWorkerFixture.JobFor(instance, JobKind.Suspend));
        var replacement = NewTls(instance.Hostname);

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.RotateCertificate), RotationOf(instance, replacement));

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        var served = await Sites.ProbeAsync(worker, instance);
        Assert.Equal(503, served.StatusCode);
        Assert.Equal(Sites.Thumbprint(replacement.CertificatePem), served.CertificateThumbprint);
    }

    private static TlsPayload NewTls(string hostname)
    {
        var pem = TestCertificates.ForHosts(hostname);
        return new TlsPayload(pem.CertificatePem, pem.KeyPem, pem.ChainPem);
    }

    private static ProvisioningJob RotationOf(InstancePayload instance, TlsPayload tls) =>
        SandboxWorkerFixture.JobFor(instance, JobKind.RotateCertificate, new JobPayloadParameters(NewTls: tls));

    /// <summary>Every file of the instance in the certs folder (staged *.new and *.previous copies included), sorted.</summary>
    private List<string> InstanceCertificateFiles(string instance) =>
        Directory.GetFiles(worker.Options.Paths.CertsFolder, instance + ".*").Order(StringComparer.Ordinal).ToList();
}
