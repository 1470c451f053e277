using System.CommandLine;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>--certificate, --key and --chain: PEM files read by the CLI and sent in the request.</summary>
public sealed class CertificateOptions(bool required)
{
    public Option<string?> Certificate { get; } = new("--certificate")
    {
        Description = required ? "The new certificate (PEM file)." : "The instance's TLS certificate (PEM file); without one the worker's default certificate or plain HTTP is used.",
        HelpName = "FILE",
        Required = required,
    };

    public Option<string?> Key { get; } = new("--key") { Description = "The certificate's private key (PEM file).", HelpName = "FILE", Required = required };

    public Option<string?> Chain { get; } = new("--chain") { Description = "The intermediate certificates (PEM file).", HelpName = "FILE" };

    public Task<CertificateFiles> ReadAsync(ParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CertificateFiles.ReadAsync(result.GetValue(Certificate), result.GetValue(Key), result.GetValue(Chain), required, cancellationToken);
    }
}
