using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>A create request for a new, uniquely named instance on one worker, with a test certificate for its host name.</summary>
public sealed record TestInstance(string Name, string Hostname, PemCertificate Certificate, CreateInstanceRequest Request)
{
    public static TestInstance On(SandboxWorker worker, string prefix, string? release = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var name = TestNames.Unique(prefix);
        var hostname = TestNames.Hostname(name);
        var certificate = TestCertificates.ForHosts(hostname);
        var request = new CreateInstanceRequest(name, hostname, Worker: worker.Name, Release: release, BackendEmail: "ops@example.com",
            CertificatePem: certificate.CertificatePem, KeyPem: certificate.KeyPem, ChainPem: certificate.ChainPem);
        return new TestInstance(name, hostname, certificate, request);
    }
}
