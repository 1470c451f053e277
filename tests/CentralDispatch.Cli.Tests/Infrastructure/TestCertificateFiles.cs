using CentralDispatch.Worker.Machine.Certificates;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>A self-signed certificate and its key for a host name, written as PEM files for --certificate / --key.</summary>
public sealed class TestCertificateFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cd-cli-certs-");

    public TestCertificateFiles(string hostname)
    {
        var (certificate, key) = SelfSignedCertificate.Create(hostname, DateTimeOffset.UtcNow, TimeSpan.FromDays(90));
        CertificateFile = Path.Combine(_folder.FullName, "site.crt");
        KeyFile = Path.Combine(_folder.FullName, "site.key");
        File.WriteAllText(CertificateFile, certificate);
        File.WriteAllText(KeyFile, key);
    }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public string Missing => Path.Combine(_folder.FullName, "does-not-exist.crt");

    public void Dispose() => _folder.Delete(recursive: true);
}
