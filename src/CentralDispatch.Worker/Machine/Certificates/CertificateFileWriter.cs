using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Machine.Certificates;

/// <summary>Writes an instance's certificate (0644), key (0600 from creation on) and chain (0644), each atomically.</summary>
public sealed class CertificateFileWriter
{
    /// <summary>
    /// The certificate file gets the chain appended, which is what Apache 2.4.8+ serves (SSLCertificateChainFile is
    /// deprecated); the chain is also written on its own for operators and other servers. Without a chain no chain file is written.
    /// </summary>
    /// <returns>The files written, in the order written.</returns>
    public Task<IReadOnlyList<string>> WriteAsync(CertificatePaths paths, string certificatePem, string keyPem, string? chainPem, CancellationToken cancellationToken) =>
        WriteAsync(paths, certificatePem, keyPem, chainPem, null, cancellationToken);

    /// <param name="header">A comment line put before the PEM blocks of each file (e.g. who wrote it); PEM readers skip it.</param>
    public async Task<IReadOnlyList<string>> WriteAsync(CertificatePaths paths, string certificatePem, string keyPem, string? chainPem, string? header,
        CancellationToken cancellationToken)
    {
        var files = Render(paths, certificatePem, keyPem, chainPem, header);
        foreach (var file in files)
        {
            await AtomicFile.WriteTextAsync(file.Path, file.Content, file.Mode, cancellationToken);
        }

        return files.Select(f => f.Path).ToList();
    }

    /// <summary>What <see cref="WriteAsync(CertificatePaths, string, string, string?, string?, CancellationToken)"/> writes, in order: key, chain (if any), certificate.</summary>
    public static IReadOnlyList<CertificateFile> Render(CertificatePaths paths, string certificatePem, string keyPem, string? chainPem, string? header)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var head = header is null ? "" : header + "\n";
        var files = new List<CertificateFile> { new(paths.KeyFile, head + EndWithNewline(keyPem), FileModes.OwnerOnly) };
        var certificate = head + EndWithNewline(certificatePem);
        if (!string.IsNullOrWhiteSpace(chainPem))
        {
            certificate += EndWithNewline(chainPem);
            files.Add(new CertificateFile(paths.ChainFile, head + EndWithNewline(chainPem), FileModes.Readable));
        }

        files.Add(new CertificateFile(paths.CertificateFile, certificate, FileModes.Readable));
        return files;
    }

    /// <summary>Removes whichever of the files exist; returns those removed.</summary>
    public IReadOnlyList<string> Remove(CertificatePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var removed = paths.All.Where(File.Exists).ToList();
        removed.ForEach(File.Delete);
        return removed;
    }

    private static string EndWithNewline(string pem) => pem.EndsWith('\n') ? pem : pem + "\n";
}
