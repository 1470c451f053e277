namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>Reads the PEM files named by --certificate, --key and --chain; a missing or unreadable file is one error line naming its option.</summary>
public sealed record CertificateFiles(string? CertificatePem, string? KeyPem, string? ChainPem)
{
    /// <summary>The largest PEM file read; the dispatcher refuses bigger ones anyway, and a wrong file (a tarball) is caught early.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    public static async Task<CertificateFiles> ReadAsync(string? certificate, string? key, string? chain, bool required, CancellationToken cancellationToken)
    {
        if (certificate is null && key is null && chain is null && !required)
        {
            return new CertificateFiles(null, null, null);
        }

        if (certificate is null)
        {
            throw new CliException(required
                ? "--certificate: give the new certificate (PEM file) with --certificate FILE --key FILE [--chain FILE]."
                : "--certificate: --key and --chain need --certificate FILE as well.");
        }

        if (key is null)
        {
            throw new CliException("--key: the certificate's private key (PEM file) is required with --certificate.");
        }

        return new CertificateFiles(
            await ReadFileAsync("--certificate", certificate, cancellationToken),
            await ReadFileAsync("--key", key, cancellationToken),
            chain is null ? null : await ReadFileAsync("--chain", chain, cancellationToken));
    }

    private static async Task<string> ReadFileAsync(string option, string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new CliException($"{option}: file '{path}' does not exist.");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new CliException($"{option}: '{path}' is {file.Length} bytes; a PEM file is a few kilobytes. Is it the right file?");
        }

        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option}: '{path}' cannot be read: {e.Message}");
        }
    }

    // The private key must never reach a log line through a record's generated ToString.
    public override string ToString() => $"CertificateFiles {{ Certificate = {CertificatePem?.Length ?? 0} chars, Key = (hidden), Chain = {ChainPem?.Length ?? 0} chars }}";
}
