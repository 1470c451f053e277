using CentralDispatch.Dispatcher.Store;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Checks <see cref="KeyRingOptions"/> before the dispatcher touches its store; each message names the key to fix.</summary>
public sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = $"{KeyRingOptions.Section}:{nameof(options.CertificateFile)}";
        if (!options.HasCertificate)
        {
            if (!string.IsNullOrWhiteSpace(options.CertificateKeyFile))
            {
                return ValidateOptionsResult.Fail($"{KeyRingOptions.Section}:{nameof(options.CertificateKeyFile)} is set without {file}: give the certificate too");
            }

            return options.Store == StoreProvider.Postgres
                ? ValidateOptionsResult.Fail($"{file} is required with a PostgreSQL store: the Data Protection key ring that encrypts the TLS "
                                             + "private keys is kept in that same database, so it is encrypted in turn with an RSA certificate kept "
                                             + "outside it (PKCS#12, or PEM with its key)")
                : ValidateOptionsResult.Success;
        }

        try
        {
            using var _ = KeyRingCertificate.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail($"{file} {e.Message}");
        }
    }
}
