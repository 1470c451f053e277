using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>Certificate, key and chain as a form takes them: pasted PEM text or uploaded files (an upload wins).</summary>
public class CertificateForm
{
    public string? CertificatePem { get; set; }
    public string? KeyPem { get; set; }
    public string? ChainPem { get; set; }
    public IFormFile? CertificateFile { get; set; }
    public IFormFile? KeyFile { get; set; }
    public IFormFile? ChainFile { get; set; }

    /// <summary>Replaces pasted text with uploaded files; unreadable uploads become errors on <paramref name="prefix"/>'s fields.</summary>
    public async Task ReadUploadsAsync(string prefix, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        CertificatePem = Blank(await PemUpload.ReadAsync(CertificateFile, CertificatePem, $"{prefix}.{nameof(CertificatePem)}", state, cancellationToken));
        KeyPem = Blank(await PemUpload.ReadAsync(KeyFile, KeyPem, $"{prefix}.{nameof(KeyPem)}", state, cancellationToken));
        ChainPem = Blank(await PemUpload.ReadAsync(ChainFile, ChainPem, $"{prefix}.{nameof(ChainPem)}", state, cancellationToken));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
