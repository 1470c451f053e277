using System.Text;
using CentralDispatch.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>Reads a PEM file a form uploaded; the upload replaces what was pasted in the text field.</summary>
public static class PemUpload
{
    /// <returns>The file's text, or <paramref name="pasted"/> when no file came; an error on <paramref name="key"/> when unreadable.</returns>
    public static async Task<string?> ReadAsync(IFormFile? file, string? pasted, string key, ModelStateDictionary state,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (file is null || file.Length == 0)
        {
            return pasted;
        }

        if (file.Length > TlsRule.MaxPemLength)
        {
            state.AddModelError(key, $"The file {file.FileName} has {file.Length} bytes; a PEM file here may have at most {TlsRule.MaxPemLength}.");
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            state.AddModelError(key, $"The file {file.FileName} is not text; upload the PEM file (-----BEGIN …-----).");
            return null;
        }
    }
}
