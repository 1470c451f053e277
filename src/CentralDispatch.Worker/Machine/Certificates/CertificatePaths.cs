namespace CentralDispatch.Worker.Machine.Certificates;

/// <summary>Where one instance's certificate files live in the certs folder.</summary>
public sealed record CertificatePaths(string CertificateFile, string KeyFile, string ChainFile)
{
    public static CertificatePaths For(string certsFolder, string instanceName) => new(
        Path.Combine(certsFolder, instanceName + ".crt"),
        Path.Combine(certsFolder, instanceName + ".key"),
        Path.Combine(certsFolder, instanceName + ".chain.crt"));

    public IEnumerable<string> All => [CertificateFile, KeyFile, ChainFile];
}
