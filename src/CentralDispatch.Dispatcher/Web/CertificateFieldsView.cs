namespace CentralDispatch.Dispatcher.Web;

/// <summary>
/// What the shared certificate / key / chain fields show (Shared/_CertificateFields): the bound form property's name,
/// its values and the labels. The key field is always rendered empty: a private key never goes back into a page.
/// </summary>
public sealed record CertificateFieldsView(
    string Prefix,
    CertificateForm Form,
    string CertificateLabel = "Certificate",
    string KeyLabel = "Private key",
    bool KeyDropped = false);
