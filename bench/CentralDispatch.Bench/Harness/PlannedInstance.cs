using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Bench.Harness;

/// <summary>
/// An instance to create on a worker, with its own test certificate (made before any timing starts, since issuing a
/// certificate is the admin's work, not the system's).
/// </summary>
public sealed class PlannedInstance : IDisposable
{
    private PlannedInstance(string name, string worker, PemCertificate certificate)
    {
        Name = name;
        Hostname = $"{name}.bench.example";
        Request = new CreateInstanceRequest(name, Hostname, Worker: worker, BackendEmail: "ops@bench.example",
            CertificatePem: certificate.CertificatePem, KeyPem: certificate.KeyPem);
        Certificate = X509Certificate2.CreateFromPem(certificate.CertificatePem);
    }

    public string Name { get; }

    public string Hostname { get; }

    public CreateInstanceRequest Request { get; }

    /// <summary>What the instance's site must serve.</summary>
    public X509Certificate2 Certificate { get; }

    /// <param name="name">A valid instance name, unique on the dispatcher.</param>
    /// <param name="worker">The worker to place it on.</param>
    public static PlannedInstance Create(string name, string worker) =>
        new(name, worker, TestCertificates.ForHosts($"{name}.bench.example"));

    public void Dispose() => Certificate.Dispose();
}
