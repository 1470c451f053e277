using Microsoft.AspNetCore.DataProtection;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Encrypts TLS private keys for the store and decrypts them only into a job payload.</summary>
public sealed class TlsKeyProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CentralDispatch.TlsPrivateKey.v1");

    public string Protect(string keyPem) => _protector.Protect(keyPem);

    public string Unprotect(string protectedKeyPem) => _protector.Unprotect(protectedKeyPem);
}
